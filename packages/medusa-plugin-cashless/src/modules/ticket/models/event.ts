import { model } from "@medusajs/framework/utils"
import { CashlessTicket } from "./ticket"

/**
 * An event sold in the shop. Its ticket types are the variants of `product_id`; its capacity is
 * one Medusa inventory item that every ticket type draws on, so carts and orders respect it
 * through Medusa's own reservations.
 */
export const CashlessTicketEvent = model
  .define({ name: "CashlessTicketEvent", tableName: "cashless_ticket_event" }, {
    id: model.id({ prefix: "tevt" }).primaryKey(),
    name: model.text(),
    venue: model.text().nullable(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime().nullable(),
    capacity: model.number(),
    product_id: model.text(),
    inventory_item_id: model.text().nullable(),
    stock_location_id: model.text().nullable(),
    archived_at: model.dateTime().nullable(),
    tickets: model.hasMany(() => CashlessTicket, { mappedBy: "event" }),
  })
  .indexes([{ on: ["product_id"], unique: true, where: "deleted_at IS NULL" }])
