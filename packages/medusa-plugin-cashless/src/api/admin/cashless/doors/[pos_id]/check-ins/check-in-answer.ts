import type { CheckInOutcome, CheckInResult } from "../../../../../../modules/ticket/types"
import type { TicketView } from "../../../tickets/ticket-view"

/** 200 lets the person in; every other answer is a refusal the door shows, never a server fault. */
export const CHECK_IN_STATUS: Record<CheckInOutcome, number> = {
  admitted: 200,
  already_checked_in: 409,
  cancelled: 409,
  refunded: 409,
  wrong_event: 409,
  no_ticket: 409,
  unknown_ticket: 404,
  unknown_card: 404,
}

const hhmm = (iso: string | null) => (iso ? iso.slice(11, 16) + " UTC" : "")

/** The answer in one English sentence, for logs and API users; the Door page has its own words. */
export function checkInMessage(
  result: { outcome: CheckInOutcome; event: { name: string }; ticket_event: CheckInResult["ticket_event"] },   ticket: TicketView | null,
  why?: string
): string {
  const holder = ticket?.holder_name ? ` (${ticket.holder_name})` : ""
  switch (result.outcome) {
    case "admitted":
      return `Admitted: ${ticket?.type_title ?? "ticket"}${holder} for "${result.event.name}".`
    case "already_checked_in":
      return `Already checked in at ${hhmm(ticket?.checked_in_at ?? null)}${ticket?.checked_in_by ? ` by ${ticket.checked_in_by.name}` : ""}${ticket?.checked_in_where ? ` at ${ticket.checked_in_where.name}` : ""}.`
    case "cancelled":
      return `This ticket was cancelled${ticket?.cancel_reason ? `: ${ticket.cancel_reason}` : "."}`
    case "refunded":
      return "This ticket was refunded: it admits no one."
    case "wrong_event":
      return `This ticket is for "${result.ticket_event?.name ?? "another event"}", not "${result.event.name}".`
    case "no_ticket":
      return why ?? `This card's holder has no ticket for "${result.event.name}".`
    case "unknown_ticket":
      return why ?? "No ticket has this code: scan the QR code of an e-ticket."
    case "unknown_card":
      return why ?? "This card is not registered."
  }
}
