import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import MembershipModule from "../modules/membership"

/**
 * The product variant that sells a plan. Kept in the membership module's own table so that the
 * database refuses a variant selling two plans, and an order line finds its plan in one query.
 */
export default defineLink(
  { linkable: MembershipModule.linkable.cashlessMembershipPlanVariant, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
