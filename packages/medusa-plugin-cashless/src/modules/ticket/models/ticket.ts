import { model } from "@medusajs/framework/utils"
import { CashlessTicketEvent } from "./event"

export const TICKET_STATUSES = ["valid", "checked_in", "cancelled", "refunded"] as const

/**
 * One admission. Issued once per unit of an order line (`line_item_id`, `unit_index` unique), so
 * a replayed capture issues nothing more. `secret` is what the QR carries: random, 144 bits.
 * `checked_in_key` is the door's idempotency key, so a scanner's retry is answered as admitted.
 */
export const CashlessTicket = model
  .define({ name: "CashlessTicket", tableName: "cashless_ticket" }, {
    id: model.id({ prefix: "tkt" }).primaryKey(),
    event: model.belongsTo(() => CashlessTicketEvent, { mappedBy: "tickets" }),
    variant_id: model.text(),
    type_title: model.text(),
    holder_name: model.text().nullable(),
    holder_email: model.text().nullable(),
    customer_id: model.text().nullable(),
    order_id: model.text(),
    line_item_id: model.text(),
    unit_index: model.number(),
    secret: model.text(),
    status: model.enum([...TICKET_STATUSES]).default("valid"),
    checked_in_at: model.dateTime().nullable(),
    checked_in_by: model.text().nullable(),
    checked_in_where: model.text().nullable(),
    checked_in_key: model.text().nullable(),
    cancelled_at: model.dateTime().nullable(),
    cancelled_by: model.text().nullable(),
    cancel_reason: model.text().nullable(),
    refunded_at: model.dateTime().nullable(),
    refunded_by: model.text().nullable(),
  })
  .indexes([
    { on: ["line_item_id", "unit_index"], unique: true },
    { on: ["secret"], unique: true },
    { on: ["checked_in_key"], unique: true, where: "checked_in_key IS NOT NULL" },
    { on: ["order_id"] },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
  ])
