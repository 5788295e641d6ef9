import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { refuseMembersOnly } from "../../lib/members-only"

/**
 * The plugin's only handler of `completeCartWorkflow.hooks.validate`. Checked again at completion:
 * a membership can lapse, or the cart change hands, between adding an item and paying for it.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const c = cart as { customer_id?: string | null; items?: Array<{ variant_id?: string | null }> | null }
  await refuseMembersOnly(container, {
    customer_id: c.customer_id,
    variant_ids: (c.items ?? []).map((i) => i.variant_id),
  })
})
