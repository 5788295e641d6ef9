import { model } from "@medusajs/framework/utils"
import { CashlessCardBatch } from "./card-batch"

export const CARD_STATUSES = ["new", "active", "lost", "blocked", "voided"] as const

/**
 * A physical card. `wallet_id` is set on first use (the card's anonymous wallet) and points
 * to the holder's wallet once the card is bound; `customer_id` is its holder. Both are
 * read-only links to the wallet and customer modules (src/links).
 */
export const CashlessCard = model
  .define({ name: "CashlessCard", tableName: "cashless_card" }, {
    id: model.id({ prefix: "ccard" }).primaryKey(),
    uid: model.text(),
    printed_number: model.text().nullable(),
    qr_token: model.text(),
    status: model.enum([...CARD_STATUSES]).default("new"),
    wallet_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    /** Bumped when the card is voided and handed back: its next first use makes a new wallet. */
    wallet_generation: model.number().default(0),
    activated_at: model.dateTime().nullable(),
    bound_at: model.dateTime().nullable(),
    batch: model.belongsTo(() => CashlessCardBatch, { mappedBy: "cards" }).nullable(),
  })
  .indexes([
    { on: ["uid"], unique: true },
    { on: ["printed_number"], unique: true, where: "printed_number IS NOT NULL" },
    { on: ["qr_token"], unique: true },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
    { on: ["wallet_id"], where: "wallet_id IS NOT NULL" },
    { on: ["status"] },
  ])
