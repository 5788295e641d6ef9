import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import MembershipModule from "../modules/membership"

/** The customer group a plan's valid members are in: member prices and members-only products. */
export default defineLink(
  { linkable: MembershipModule.linkable.cashlessMembershipPlan, field: "customer_group_id" },
  CustomerModule.linkable.customerGroup,
  { readOnly: true }
)
