import { model } from "@medusajs/framework/utils"
import { CashlessMembershipPlan } from "./plan"

/** A product variant that sells a plan. A variant sells at most one plan (unique in the database). */
export const CashlessMembershipPlanVariant = model
  .define({ name: "CashlessMembershipPlanVariant", tableName: "cashless_membership_plan_variant" }, {
    id: model.id({ prefix: "mplanv" }).primaryKey(),
    variant_id: model.text(),
    plan: model.belongsTo(() => CashlessMembershipPlan, { mappedBy: "variants" }),
  })
  .indexes([{ on: ["variant_id"], unique: true, where: "deleted_at IS NULL" }])
