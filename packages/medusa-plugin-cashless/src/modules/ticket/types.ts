import type { TICKET_STATUSES } from "./models/ticket"

export type TicketModuleOptions = {
  /** The e-ticket page's address; `{secret}` is replaced by the ticket's secret. The QR carries it. */
  ticketUrl?: string
  /** The shop's time zone, for dates on e-tickets and in emails. Default Europe/Paris. */
  timeZone?: string
}

export type TicketStatus = (typeof TICKET_STATUSES)[number]

export type TicketCounts = { issued: number; valid: number; checked_in: number; cancelled: number; refunded: number }

export type TicketEventRecord = {
  id: string
  name: string
  venue: string | null
  starts_at: string
  ends_at: string | null
  capacity: number
  product_id: string
  inventory_item_id: string | null
  stock_location_id: string | null
  archived_at: string | null
  created_at: string
  counts: TicketCounts
}

export type TicketEventInput = {
  name: string
  venue?: string | null
  starts_at: string | Date
  ends_at?: string | Date | null
  capacity: number
  product_id: string
}

export type TicketEventUpdate = Partial<Omit<TicketEventInput, "product_id">> & {
  archived?: boolean
  inventory_item_id?: string | null
  stock_location_id?: string | null
}

export type TicketRecord = {
  id: string
  event_id: string
  event_name: string
  variant_id: string
  type_title: string
  holder_name: string | null
  holder_email: string | null
  customer_id: string | null
  order_id: string
  line_item_id: string
  unit_index: number
  status: TicketStatus
  checked_in_at: string | null
  checked_in_by: string | null
  checked_in_where: string | null
  cancelled_at: string | null
  cancelled_by: string | null
  cancel_reason: string | null
  refunded_at: string | null
  refunded_by: string | null
  created_at: string
}

/** A ticket with what only its holder may see: the secret and the page it opens. */
export type StoreTicketView = {
  id: string
  status: TicketStatus
  type_title: string
  holder_name: string | null
  order_id: string
  checked_in_at: string | null
  secret: string
  page_url: string
  event: { id: string; name: string; venue: string | null; starts_at: string; ends_at: string | null }
}

/** One order line selling tickets: `quantity` tickets are issued for it. */
export type IssueLine = {
  event_id: string
  variant_id: string
  type_title: string
  holder_name: string | null
  holder_email: string | null
  customer_id: string | null
  order_id: string
  line_item_id: string
  quantity: number
}

export type TicketFilters = {
  event_id?: string
  order_id?: string
  customer_id?: string
  status?: TicketStatus
  /** Holder name or email, or the ticket's id. */
  q?: string
  limit?: number
  offset?: number
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

export type CheckInInput = {
  event_id: string
  /** A scanned ticket: its secret. */
  secret?: string
  /** A tapped card's holder. */
  customer_id?: string
  actor_id: string
  point_of_sale_id: string
  idempotency_key: string
  now?: Date
}

export type CheckInResult = {
  outcome: CheckInOutcome
  ticket: TicketRecord | null
  event: { id: string; name: string; capacity: number }
  ticket_event: { id: string; name: string } | null
  holder_remaining: number | null
  counts: TicketCounts
}
