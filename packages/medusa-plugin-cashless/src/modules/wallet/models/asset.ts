import { model } from "@medusajs/framework/utils"

/**
 * What a wallet can hold. `fiat` is refundable money; `gift` is non-refundable credit.
 * Spending takes assets in ascending `spend_priority` (gift before fiat).
 */
export const CashlessAsset = model
  .define({ name: "CashlessAsset", tableName: "cashless_asset" }, {
    id: model.id({ prefix: "casset" }).primaryKey(),
    code: model.text(),
    name: model.text(),
    kind: model.enum(["fiat", "gift"]),
    currency_code: model.text(),
    spend_priority: model.number(),
  })
  .indexes([{ on: ["code"], unique: true, where: "deleted_at IS NULL" }])
