import { z } from "@medusajs/framework/zod"
import { component, isoDate, minor, nullableDate } from "./registry"

export const TicketStatus = z.enum(["valid", "checked_in", "cancelled", "refunded"])

const Counts = z.strictObject({ issued: z.number().int(), valid: z.number().int(), checked_in: z.number().int(), cancelled: z.number().int(), refunded: z.number().int() })

/** modules/ticket/types.ts `TicketEventRecord` with its ticket types (api/admin/cashless/tickets/ticket-view.ts). */
export const TicketEvent = component(
  "TicketEvent",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    venue: z.string().nullable(),
    starts_at: isoDate,
    ends_at: nullableDate,
    capacity: z.number().int(),
    product_id: z.string(),
    inventory_item_id: z.string().nullable(),
    stock_location_id: z.string().nullable(),
    archived_at: nullableDate,
    created_at: isoDate,
    counts: Counts,
    ticket_types: z.array(z.strictObject({ variant_id: z.string(), title: z.string() })),
  })
)
export const TicketEventList = component("TicketEventList", z.strictObject({ events: z.array(TicketEvent) }))
export const TicketEventAnswer = component("TicketEventAnswer", z.strictObject({ event: TicketEvent }))

/** A ticket as staff see it: never its secret. */
export const AdminTicket = component(
  "AdminTicket",
  z.strictObject({
    id: z.string(),
    event_id: z.string(),
    event_name: z.string(),
    variant_id: z.string(),
    type_title: z.string(),
    holder_name: z.string().nullable(),
    holder_email: z.string().nullable(),
    customer_id: z.string().nullable(),
    order_id: z.string(),
    line_item_id: z.string(),
    status: TicketStatus,
    checked_in_at: nullableDate,
    checked_in_by: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
    checked_in_where: z.strictObject({ point_of_sale_id: z.string(), name: z.string() }).nullable(),
    cancelled_at: nullableDate,
    cancel_reason: z.string().nullable(),
    refunded_at: nullableDate,
    created_at: isoDate,
  })
)
export const TicketList = component("TicketList", z.strictObject({ tickets: z.array(AdminTicket), count: z.number().int(), limit: z.number().int(), offset: z.number().int() }))
export const TicketAnswer = component("TicketAnswer", z.strictObject({ ticket: AdminTicket }))
export const TicketRefunded = component(
  "TicketRefunded",
  z.strictObject({
    ticket: AdminTicket,
    replayed: z.boolean(),
    refund: z.strictObject({ amount: minor, currency_code: z.string() }).nullable(),
  })
)

/** The door's answer, admitted or not (api/admin/cashless/doors/[pos_id]/check-ins). */
export const CheckInAnswer = component(
  "CheckInAnswer",
  z.strictObject({
    outcome: z.enum(["admitted", "already_checked_in", "cancelled", "refunded", "wrong_event", "unknown_ticket", "unknown_card", "no_ticket"]),
    message: z.string(),
    ticket: AdminTicket.nullable(),
    event: z.strictObject({ id: z.string(), name: z.string() }),
    ticket_event: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
    holder_remaining: z.number().int().nullable(),
    counts: z.strictObject({ checked_in: z.number().int(), capacity: z.number().int(), issued: z.number().int() }),
  })
)

/** A ticket as its holder sees it: with the secret its QR carries and its page. */
export const OwnTicket = component(
  "OwnTicket",
  z.strictObject({
    id: z.string(),
    status: TicketStatus,
    type_title: z.string(),
    holder_name: z.string().nullable(),
    order_id: z.string(),
    checked_in_at: nullableDate,
    secret: z.string(),
    page_url: z.string(),
    event: z.strictObject({ id: z.string(), name: z.string(), venue: z.string().nullable(), starts_at: isoDate, ends_at: nullableDate }),
  })
)
export const OwnTicketList = component("OwnTicketList", z.strictObject({ tickets: z.array(OwnTicket) }))
export const OwnTicketAnswer = component("OwnTicketAnswer", z.strictObject({ ticket: OwnTicket }))
