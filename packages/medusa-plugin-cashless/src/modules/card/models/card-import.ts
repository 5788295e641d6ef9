import { model } from "@medusajs/framework/utils"

/**
 * One CSV import, with the counters the admin page polls while it runs and, once done, every
 * skipped line with its reason. The cards themselves are written in one transaction.
 */
export const CashlessCardImport = model
  .define({ name: "CashlessCardImport", tableName: "cashless_card_import" }, {
    id: model.id({ prefix: "cimp" }).primaryKey(),
    idempotency_key: model.text(),
    /** sha256 of the batch name and file: the same key with another file is refused. */
    fingerprint: model.text(),
    batch_name: model.text(),
    batch_id: model.text().nullable(),
    status: model.enum(["running", "succeeded", "failed"]).default("running"),
    total_rows: model.number().default(0),
    processed_rows: model.number().default(0),
    imported_count: model.number().default(0),
    skipped_count: model.number().default(0),
    problems: model.json().nullable(),
    error: model.text().nullable(),
    created_by: model.text().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }])
