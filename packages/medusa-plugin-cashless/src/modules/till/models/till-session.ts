import { model } from "@medusajs/framework/utils"

/**
 * A cashier's shift at one point of sale, from the cash float to the counted cash. At most one
 * open per point of sale; closed, it is immutable (its Ticket Z is its closure).
 */
export const CashlessTillSession = model
  .define({ name: "CashlessTillSession", tableName: "cashless_till_session" }, {
    id: model.id({ prefix: "tses" }).primaryKey(),
    point_of_sale_id: model.text(),
    currency_code: model.text(),
    opened_by: model.text(),
    opening_float: model.number(),
    opened_at: model.dateTime(),
    closed_by: model.text().nullable(),
    closed_at: model.dateTime().nullable(),
    counted_cash: model.number().nullable(),
    status: model.enum(["open", "closed"]),
  })
  .indexes([
    { on: ["point_of_sale_id"], unique: true, where: "status = 'open' AND deleted_at IS NULL" },
    { on: ["point_of_sale_id", "opened_at"] },
  ])
