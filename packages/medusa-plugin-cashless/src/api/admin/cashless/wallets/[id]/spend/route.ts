import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { spendFromWalletWorkflow } from "../../../../../../workflows/wallet/ledger-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { SpendBody } from "../../../validators"

/** The wallet pays a point of sale: gift credit first, then refundable money. */
export const POST = async (req: AuthenticatedMedusaRequest<SpendBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await spendFromWalletWorkflow(req.scope).run({
      input: { ...req.validatedBody, wallet_id: req.params.id, actor: actorOf(req) },
    })
    return result
  })
