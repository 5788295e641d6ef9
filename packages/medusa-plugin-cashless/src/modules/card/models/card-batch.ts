import { model } from "@medusajs/framework/utils"
import { CashlessCard } from "./card"

/** Cards printed together, registered by one import. */
export const CashlessCardBatch = model.define({ name: "CashlessCardBatch", tableName: "cashless_card_batch" }, {
  id: model.id({ prefix: "cbatch" }).primaryKey(),
  name: model.text(),
  created_by: model.text().nullable(),
  card_count: model.number().default(0),
  cards: model.hasMany(() => CashlessCard, { mappedBy: "batch" }),
})
