/**
 * The ticket routes as the Door page reads them (/work/tickets-contract.md, issue #12): events with
 * their counts, and the answer of a check-in, the same JSON shape whatever the outcome.
 */
export type TicketStatus = "valid" | "checked_in" | "cancelled" | "refunded"

export type TicketEventView = {
  id: string
  name: string
  venue: string | null
  starts_at: string
  ends_at: string | null
  capacity: number
  archived_at: string | null
  counts: { issued: number; valid: number; checked_in: number; cancelled: number; refunded: number }
}

export type DoorTicket = {
  id: string
  event_id: string
  event_name: string
  type_title: string
  holder_name: string | null
  holder_email: string | null
  status: TicketStatus
  checked_in_at: string | null
  checked_in_by: { id: string; name: string } | null
  checked_in_where: { point_of_sale_id: string; name: string } | null
}

export type CheckInOutcome =
  | "admitted"
  | "already_checked_in"
  | "cancelled"
  | "refunded"
  | "wrong_event"
  | "unknown_ticket"
  | "unknown_card"
  | "no_ticket"

export type CheckInAnswer = {
  outcome: CheckInOutcome
  message: string
  ticket: DoorTicket | null
  event: { id: string; name: string }
  /** wrong_event: the event the ticket is for. */
  ticket_event: { id: string; name: string } | null
  /** A card tap: the holder's tickets for this event still to check in, after this one. */
  holder_remaining: number | null
  counts: { checked_in: number; capacity: number; issued: number }
}

export const CHECK_IN_OUTCOMES: readonly CheckInOutcome[] = [
  "admitted",
  "already_checked_in",
  "cancelled",
  "refunded",
  "wrong_event",
  "unknown_ticket",
  "unknown_card",
  "no_ticket",
]

export const isCheckInAnswer = (body: unknown): body is CheckInAnswer =>
  !!body && typeof body === "object" && CHECK_IN_OUTCOMES.includes((body as { outcome?: CheckInOutcome }).outcome as CheckInOutcome)
