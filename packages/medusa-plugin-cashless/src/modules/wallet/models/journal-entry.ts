import { model } from "@medusajs/framework/utils"

/**
 * One balanced movement of money. Append-only: a mistake is corrected by another entry
 * whose `reverses_id` points to it.
 */
export const CashlessJournalEntry = model
  .define({ name: "CashlessJournalEntry", tableName: "cashless_journal_entry" }, {
    id: model.id({ prefix: "cje" }).primaryKey(),
    kind: model.enum(["credit", "gift", "spend", "transfer", "adjustment", "reversal", "fusion", "refund", "close_out"]),
    idempotency_key: model.text(),
    request_hash: model.text(),
    external_ref: model.text().nullable(),
    actor: model.text().nullable(),
    reason: model.text().nullable(),
    reverses_id: model.text().nullable(),
    hash_version: model.number(),
    hash: model.text(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["reverses_id"], unique: true, where: "reverses_id IS NOT NULL" },
    { on: ["external_ref"], where: "external_ref IS NOT NULL" },
  ])
