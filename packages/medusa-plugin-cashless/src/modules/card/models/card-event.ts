import { model } from "@medusajs/framework/utils"

/** One change of a card: who did what, when and why. Append-only, shown on the card page. */
export const CashlessCardEvent = model
  .define({ name: "CashlessCardEvent", tableName: "cashless_card_event" }, {
    id: model.id({ prefix: "ccev" }).primaryKey(),
    card_id: model.text(),
    action: model.text(),
    from_status: model.text().nullable(),
    to_status: model.text(),
    actor: model.text().nullable(),
    reason: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["card_id", "created_at"] }])
