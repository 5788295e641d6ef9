import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { refuseMembersOnly } from "../../lib/members-only"
import { refuseTicketsBeyondCapacity } from "../../lib/ticket-capacity"

/**
 * The plugin's only handler of `addToCartWorkflow.hooks.validate` (Medusa allows one per hook):
 * every domain that checks items added to a cart is called from here.
 */
addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const c = cart as { customer_id?: string | null; items?: Array<{ variant_id?: string | null; quantity?: unknown }> | null }
  const added = (input.items ?? []) as Array<{ variant_id?: string | null; quantity?: unknown }>
  await refuseMembersOnly(container, {
    customer_id: c.customer_id,
    variant_ids: added.map((i) => i.variant_id),
  })
  // What the cart would hold: its lines and the new ones (Medusa merges a variant already there).
  await refuseTicketsBeyondCapacity(container, [...(c.items ?? []), ...added])
})
