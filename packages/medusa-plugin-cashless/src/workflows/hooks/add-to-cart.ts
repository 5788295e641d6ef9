import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { refuseMembersOnly } from "../../lib/members-only"

/**
 * The plugin's only handler of `addToCartWorkflow.hooks.validate` (Medusa allows one per hook):
 * every domain that checks items added to a cart is called from here.
 */
addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const c = cart as { customer_id?: string | null }
  await refuseMembersOnly(container, {
    customer_id: c.customer_id,
    variant_ids: (input.items ?? []).map((i) => (i as { variant_id?: string }).variant_id),
  })
})
