import { model } from "@medusajs/framework/utils"

/** A one-time code a manager gives a reader agent to pair it; kept as a sha256 only. */
export const CashlessPairingCode = model
  .define({ name: "CashlessPairingCode", tableName: "cashless_device_pairing_code" }, {
    id: model.id({ prefix: "cdpc" }).primaryKey(),
    code_hash: model.text(),
    point_of_sale_id: model.text(),
    name: model.text().nullable(),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
    device_id: model.text().nullable(),
    created_by: model.text(),
  })
  .indexes([{ on: ["code_hash"], unique: true }])
