import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issueGiftCreditWorkflow } from "../../../../../../workflows/wallet/ledger-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { GiftBody } from "../../../validators"

/** Non-refundable gift credit, with a reason. */
export const POST = async (req: AuthenticatedMedusaRequest<GiftBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await issueGiftCreditWorkflow(req.scope).run({
      input: { ...req.validatedBody, wallet_id: req.params.id, actor: actorOf(req) },
    })
    return result
  })
