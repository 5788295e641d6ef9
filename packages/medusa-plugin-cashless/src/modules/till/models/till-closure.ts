import { model } from "@medusajs/framework/utils"

/** The Ticket Z of a closed session: its figures as they were at the close, never recomputed. */
export const CashlessTillClosure = model
  .define({ name: "CashlessTillClosure", tableName: "cashless_till_closure" }, {
    id: model.id({ prefix: "tclo" }).primaryKey(),
    session_id: model.text(),
    point_of_sale_id: model.text(),
    report: model.json(),
  })
  .indexes([{ on: ["session_id"], unique: true }])
