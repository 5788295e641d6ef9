import { model } from "@medusajs/framework/utils"
import { CashlessMembershipPlan } from "./plan"

export const MEMBERSHIP_SOURCES = ["order", "till", "admin", "import"] as const

/**
 * One granted period of a plan. The holder is a customer, or the wallet of an anonymous card
 * until the card is bound. `(source, source_ref)` is unique: a replayed order line, till sale,
 * admin request or import line never grants twice. Cancelling keeps the row with its reason.
 */
export const CashlessMembership = model
  .define({ name: "CashlessMembership", tableName: "cashless_membership" }, {
    id: model.id({ prefix: "mship" }).primaryKey(),
    plan: model.belongsTo(() => CashlessMembershipPlan, { mappedBy: "memberships" }),
    customer_id: model.text().nullable(),
    wallet_id: model.text().nullable(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime().nullable(),
    periods: model.number().default(1),
    status: model.enum(["active", "cancelled"]).default("active"),
    source: model.enum([...MEMBERSHIP_SOURCES]),
    source_ref: model.text(),
    created_by: model.text().nullable(),
    note: model.text().nullable(),
    cancelled_at: model.dateTime().nullable(),
    cancelled_by: model.text().nullable(),
    cancel_reason: model.text().nullable(),
    reminded_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["source", "source_ref"], unique: true },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
    { on: ["wallet_id"], where: "wallet_id IS NOT NULL" },
    { on: ["ends_at"] },
  ])
