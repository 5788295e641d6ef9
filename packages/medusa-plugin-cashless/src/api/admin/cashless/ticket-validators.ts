import { z } from "@medusajs/framework/zod"
import { TICKET_STATUSES } from "../../../modules/ticket/models/ticket"

/** Request bodies and queries of the ticket routes. Unknown fields are refused. */

const id = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(100, `${what} is too long`)
const date = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: `${what} must be a date, e.g. 2027-07-14T18:00:00+02:00` })
const key = z.string().trim().min(1, "idempotency_key must not be empty").max(200, "idempotency_key must be at most 200 characters")
const reason = (hint: string) => z.string().trim().min(1, `reason must not be empty: ${hint}`).max(500, "reason must be at most 500 characters")

const eventFields = {
  name: z.string().trim().min(1, "name must not be empty").max(200, "name must be at most 200 characters"),
  venue: z.string().trim().max(200, "venue must be at most 200 characters").nullish(),
  starts_at: date("starts_at"),
  ends_at: date("ends_at").nullish(),
  capacity: z
    .number()
    .int("capacity must be a whole number of places")
    .refine((n) => n >= 0 && n <= 1_000_000, { message: "capacity must be from 0 to 1000000" }),
}

const endsAfterStart = (b: { starts_at?: string; ends_at?: string | null }) =>
  !b.starts_at || !b.ends_at || Date.parse(b.ends_at) >= Date.parse(b.starts_at)

export const CreateTicketEventSchema = z
  .object({ ...eventFields, product_id: id("product_id"), stock_location_id: id("stock_location_id").optional() })
  .strict()
  .refine(endsAfterStart, { message: "ends_at is before starts_at: an event ends after it starts." })
export type CreateTicketEventBody = z.infer<typeof CreateTicketEventSchema>

export const UpdateTicketEventSchema = z
  .object({
    name: eventFields.name.optional(),
    venue: eventFields.venue,
    starts_at: eventFields.starts_at.optional(),
    ends_at: eventFields.ends_at,
    capacity: eventFields.capacity.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine(endsAfterStart, { message: "ends_at is before starts_at: an event ends after it starts." })
export type UpdateTicketEventBody = z.infer<typeof UpdateTicketEventSchema>

export const ListTicketEventsQuerySchema = z.object({ archived: z.enum(["true", "false"]).optional() }).strict()

export const ListTicketsQuerySchema = z
  .object({
    event_id: id("event_id").optional(),
    order_id: id("order_id").optional(),
    customer_id: id("customer_id").optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const CancelTicketSchema = z.object({ reason: reason("say why the ticket is cancelled") }).strict()
export type CancelTicketBody = z.infer<typeof CancelTicketSchema>

export const RefundTicketSchema = z
  .object({
    reason: z.string().trim().max(500, "reason must be at most 500 characters").optional(),
    checked_in_override: z.boolean().optional(),
    idempotency_key: key.optional(),
  })
  .strict()
export type RefundTicketBody = z.infer<typeof RefundTicketSchema>

export const CheckInSchema = z
  .object({
    event_id: id("event_id"),
    secret: z.string().trim().min(1, "secret must not be empty").max(500, "secret is too long: scan the ticket's QR code").optional(),
    uid: z.string().trim().min(1, "uid must not be empty").max(100, "uid is too long").optional(),
    idempotency_key: key,
  })
  .strict()
  .refine((b) => !!b.secret !== !!b.uid, { message: "Give exactly one of secret (a scanned ticket) and uid (a tapped card)." })
export type CheckInBody = z.infer<typeof CheckInSchema>

export const MyTicketsQuerySchema = z.object({ order_id: id("order_id").optional() }).strict()
