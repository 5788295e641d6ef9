import { model } from "@medusajs/framework/utils"

/**
 * A balance of one asset: a wallet's (`wallet_id` set: stored balance, locked, hash-chained)
 * or a system account (`system_code` set: online payments, cash drawer, revenue of a point of
 * sale…), which is never locked and keeps no balance of its own — it is derived from postings.
 * Amount columns are BIGINT in the migration; the ledger reads and writes them with SQL.
 */
export const CashlessAccount = model
  .define({ name: "CashlessAccount", tableName: "cashless_account" }, {
    id: model.id({ prefix: "cacc" }).primaryKey(),
    wallet_id: model.text().nullable(),
    system_code: model.text().nullable(),
    asset_id: model.text(),
    balance: model.number().default(0),
    sequence: model.number().default(0),
    last_hash: model.text().nullable(),
  })
  .indexes([
    { on: ["wallet_id", "asset_id"], unique: true, where: "wallet_id IS NOT NULL" },
    { on: ["system_code", "asset_id"], unique: true, where: "system_code IS NOT NULL" },
  ])
