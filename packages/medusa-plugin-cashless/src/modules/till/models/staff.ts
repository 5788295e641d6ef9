import { model } from "@medusajs/framework/utils"

/**
 * The plugin's own role of a Medusa admin user: Medusa's role-based access is off by default,
 * so without this every admin user could create money.
 */
export const CashlessStaff = model
  .define({ name: "CashlessStaff", tableName: "cashless_staff" }, {
    id: model.id({ prefix: "cstaff" }).primaryKey(),
    user_id: model.text(),
    role: model.enum(["cashier", "manager", "admin"]),
  })
  .indexes([{ on: ["user_id"], unique: true, where: "deleted_at IS NULL" }])
