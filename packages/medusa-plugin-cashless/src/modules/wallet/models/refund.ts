import { model } from "@medusajs/framework/utils"

/**
 * A request to give refundable money back (customer or staff), kept so that a retry with the
 * same idempotency key resumes it instead of paying again. Its parts say which payment paid what.
 */
export const CashlessRefund = model
  .define({ name: "CashlessRefund", tableName: "cashless_refund" }, {
    id: model.id({ prefix: "cref" }).primaryKey(),
    idempotency_key: model.text(),
    request_hash: model.text(),
    wallet_id: model.text(),
    currency_code: model.text(),
    amount: model.number(),
    refunded_amount: model.number().default(0),
    status: model.enum(["pending", "succeeded", "partial", "failed"]),
    actor: model.text().nullable(),
    reason: model.text().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["wallet_id"] }])
