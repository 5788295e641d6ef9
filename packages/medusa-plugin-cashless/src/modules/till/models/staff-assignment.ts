import { model } from "@medusajs/framework/utils"

/** A cashier may sell at the points of sale they are assigned to. */
export const CashlessStaffAssignment = model
  .define({ name: "CashlessStaffAssignment", tableName: "cashless_staff_assignment" }, {
    id: model.id({ prefix: "cstasg" }).primaryKey(),
    user_id: model.text(),
    point_of_sale_id: model.text(),
  })
  .indexes([{ on: ["user_id", "point_of_sale_id"], unique: true, where: "deleted_at IS NULL" }])
