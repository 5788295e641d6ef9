import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { debitWalletCredit, reverseDebit } from "../../lib/debit-wallet-credit"
import { refuseMembersOnly } from "../../lib/members-only"
import { refuseTicketsBeyondCapacity } from "../../lib/ticket-capacity"

/**
 * The plugin's only handler of `completeCartWorkflow.hooks.validate`: checks first (members-only,
 * checked again since a membership can lapse between adding an item and paying), then the wallet
 * debit of the cart's credit lines, last, so that nothing after it in this handler can fail. A
 * later step of the completion failing reverses the debit (a reversal entry, never a delete).
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const c = cart as { id: string; customer_id?: string | null; items?: Array<{ variant_id?: string | null; quantity?: unknown }> | null }
    await refuseMembersOnly(container, {
      customer_id: c.customer_id,
      variant_ids: (c.items ?? []).map((i) => i.variant_id),
    })
    await refuseTicketsBeyondCapacity(container, c.items ?? [])
    const posted = await debitWalletCredit(container, c.id)
    return new StepResponse(undefined, posted)
  },
  async (posted: string[] | undefined, { container }) => {
    for (const entryId of posted ?? []) await reverseDebit(container, entryId)
  }
)
