import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindCardWorkflow } from "../../../../../../workflows/card/card-workflows"
import { withLedgerErrors } from "../../../../../cashless-errors"
import type { ClaimCardBody } from "../../../validators"
import { myCardViews } from "../my-cards"

/**
 * The logged-in customer claims a card with both things printed on it: the QR token and the
 * printed number. The card's money moves into the customer's wallet.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ClaimCardBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const customerId = req.auth_context.actor_id
    const { result } = await bindCardWorkflow(req.scope).run({
      input: { ...req.validatedBody, customer_id: customerId, actor: `customer:${customerId}` },
    })
    const [card] = await myCardViews(req.scope, [result.card])
    return {
      card,
      changed: result.changed,
      moved: result.fusion?.postings
        .filter((p) => p.wallet_id && p.amount > 0)
        .map((p) => ({ asset_code: p.asset_code, amount: p.amount })) ?? [],
    }
  })
