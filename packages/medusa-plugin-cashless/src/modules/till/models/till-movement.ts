import { model } from "@medusajs/framework/utils"

/**
 * Money in or out of a card's wallet at a till, paid or given back across the counter: a top-up
 * by cash or card terminal, a cash refund, a card voided (its refundable money paid out in cash,
 * what was forfeited kept in `details`). Counted in the session's Ticket Z.
 */
export const CashlessTillMovement = model
  .define({ name: "CashlessTillMovement", tableName: "cashless_till_movement" }, {
    id: model.id({ prefix: "tmov" }).primaryKey(),
    idempotency_key: model.text(),
    request_hash: model.text(),
    session_id: model.text(),
    point_of_sale_id: model.text(),
    kind: model.enum(["top_up", "refund", "void"]),
    tender: model.enum(["cash", "card_terminal"]),
    currency_code: model.text(),
    amount: model.number(),
    card_id: model.text(),
    wallet_id: model.text(),
    entry_id: model.text().nullable(),
    details: model.json().nullable(),
    done_by: model.text(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["session_id"] }])
