import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import MembershipModule from "../modules/membership"

/** A membership's holder, once it is a customer (an anonymous card's membership has a wallet instead). */
export default defineLink(
  { linkable: MembershipModule.linkable.cashlessMembership, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
