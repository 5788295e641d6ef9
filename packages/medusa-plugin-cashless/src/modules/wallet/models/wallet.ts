import { model } from "@medusajs/framework/utils"

/** A wallet is anonymous (a card's) or a customer's, through the wallet↔customer link. */
export const CashlessWallet = model.define({ name: "CashlessWallet", tableName: "cashless_wallet" }, {
  id: model.id({ prefix: "cwal" }).primaryKey(),
  label: model.text().nullable(),
  metadata: model.json().nullable(),
})
