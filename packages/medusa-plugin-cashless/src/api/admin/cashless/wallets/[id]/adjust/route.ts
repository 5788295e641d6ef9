import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adjustWalletWorkflow } from "../../../../../../workflows/wallet/ledger-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { AdjustBody } from "../../../validators"

/** Staff correction, up (positive) or down (negative), with a mandatory reason. */
export const POST = async (req: AuthenticatedMedusaRequest<AdjustBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await adjustWalletWorkflow(req.scope).run({
      input: { ...req.validatedBody, wallet_id: req.params.id, actor: actorOf(req) },
    })
    return result
  })
