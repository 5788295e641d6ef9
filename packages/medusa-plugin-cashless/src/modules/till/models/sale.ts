import { model } from "@medusajs/framework/utils"

/**
 * One sale at a till: lines with the price and tax they were sold at, the tenders that paid it
 * (wallet cards, cash, card terminal), the ledger entries of its wallet tenders, and the Medusa
 * order it becomes. Idempotent by its key: a retried tap completes it, never sells twice.
 */
export const CashlessSale = model
  .define({ name: "CashlessSale", tableName: "cashless_sale" }, {
    id: model.id({ prefix: "csale" }).primaryKey(),
    idempotency_key: model.text(),
    request_hash: model.text(),
    session_id: model.text(),
    point_of_sale_id: model.text(),
    currency_code: model.text(),
    status: model.enum(["completed", "voided"]),
    total: model.number(),
    tax_total: model.number(),
    lines: model.json(),
    tenders: model.json(),
    card_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    sold_by: model.text(),
    order_id: model.text().nullable(),
    projected_at: model.dateTime().nullable(),
    /** Whether its stock was taken from inventory, once (workflows/till/sale-stock.ts). */
    stock_status: model.enum(["claimed", "applied", "no_location", "in_doubt", "predates"]).nullable(),
    /** What it took: inventory item, stock location and quantity, for a void to give back. */
    stock_moves: model.json().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["session_id"] },
    { on: ["created_at"], where: "order_id IS NULL" },
  ])
