import { model } from "@medusajs/framework/utils"

/**
 * A reader agent paired to one point of sale. Its token is kept as a sha256 only: the agent
 * holds the one copy. Revoked devices are kept (who paired and revoked them, when).
 */
export const CashlessDevice = model
  .define({ name: "CashlessDevice", tableName: "cashless_device" }, {
    id: model.id({ prefix: "cdev" }).primaryKey(),
    name: model.text(),
    point_of_sale_id: model.text(),
    token_hash: model.text(),
    paired_at: model.dateTime(),
    /** `user:<id>` of the manager who created the pairing code. */
    paired_by: model.text(),
    last_seen_at: model.dateTime().nullable(),
    /** The agent's last status: reader names, the PC/SC service, its version. */
    readers: model.json().nullable(),
    pcsc: model.enum(["ok", "down"]).nullable(),
    agent_version: model.text().nullable(),
    revoked_at: model.dateTime().nullable(),
    revoked_by: model.text().nullable(),
  })
  .indexes([{ on: ["token_hash"], unique: true }, { on: ["point_of_sale_id"] }])
