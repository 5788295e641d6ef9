import { model } from "@medusajs/framework/utils"

/**
 * The share of a refund sent back through one captured payment. `pending` between the ledger
 * debit and the provider's answer; `paid` once Medusa recorded the provider refund; `failed`
 * when the provider refused it and the debit was reversed.
 */
export const CashlessRefundPart = model
  .define({ name: "CashlessRefundPart", tableName: "cashless_refund_part" }, {
    id: model.id({ prefix: "crefp" }).primaryKey(),
    refund_id: model.text(),
    payment_id: model.text(),
    order_id: model.text().nullable(),
    amount: model.number(),
    status: model.enum(["pending", "paid", "failed"]),
    entry_id: model.text().nullable(),
    provider_refund_id: model.text().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["refund_id"] }, { on: ["payment_id"] }])
