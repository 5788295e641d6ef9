import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyWalletCreditWorkflow, removeWalletCreditWorkflow } from "../../../../../../../workflows/wallet-credit/wallet-credit-workflows"
import { withLedgerErrors } from "../../../../../../cashless-errors"
import type { WalletCreditBody } from "../../../../validators"

/**
 * Pays the customer's cart with their wallet: `amount` in minor units, or as much as the wallet
 * and the cart allow. Applying again replaces the amount. The wallet is debited when the cart
 * completes; the payment provider is asked only for the rest.
 */
export const POST = async (req: AuthenticatedMedusaRequest<WalletCreditBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await applyWalletCreditWorkflow(req.scope).run({
      input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, amount: req.validatedBody.amount ?? null },
    })
    return { wallet_credit: result }
  })

/** Takes the wallet payment off the cart. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await removeWalletCreditWorkflow(req.scope).run({
      input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id },
    })
    return { removed: result.removed }
  })
