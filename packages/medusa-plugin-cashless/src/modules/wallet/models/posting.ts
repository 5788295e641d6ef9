import { model } from "@medusajs/framework/utils"

/**
 * One leg of an entry on one account. On wallet accounts, `sequence`, `prev_hash` and `hash`
 * chain the account's postings; `balance_after` is the account's balance once applied.
 */
export const CashlessPosting = model
  .define({ name: "CashlessPosting", tableName: "cashless_posting" }, {
    id: model.id({ prefix: "cpost" }).primaryKey(),
    entry_id: model.text(),
    account_id: model.text(),
    asset_id: model.text(),
    amount: model.number(),
    sequence: model.number().nullable(),
    prev_hash: model.text().nullable(),
    balance_after: model.number().nullable(),
    hash: model.text(),
  })
  .indexes([
    { on: ["account_id", "sequence"], unique: true, where: "sequence IS NOT NULL" },
    { on: ["entry_id"] },
    { on: ["account_id", "created_at"] },
  ])
