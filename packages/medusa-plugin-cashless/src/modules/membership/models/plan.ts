import { model } from "@medusajs/framework/utils"
import { DURATION_UNITS } from "../lib/duration"
import { CashlessMembership } from "./membership"
import { CashlessMembershipPlanVariant } from "./plan-variant"

/**
 * What a membership is: its duration rule, the customer group its valid members are in (for
 * member prices and members-only products through Medusa's price lists) and whether one holder
 * may run several at once. Sold through the product variants listed in `variants`.
 */
export const CashlessMembershipPlan = model
  .define({ name: "CashlessMembershipPlan", tableName: "cashless_membership_plan" }, {
    id: model.id({ prefix: "mplan" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    duration_unit: model.enum([...DURATION_UNITS]),
    duration_count: model.number().default(1),
    customer_group_id: model.text().nullable(),
    allow_parallel: model.boolean().default(false),
    archived_at: model.dateTime().nullable(),
    variants: model.hasMany(() => CashlessMembershipPlanVariant, { mappedBy: "plan" }),
    memberships: model.hasMany(() => CashlessMembership, { mappedBy: "plan" }),
  })
