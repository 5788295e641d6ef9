import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { creditWalletWorkflow } from "../../../../../../workflows/wallet/ledger-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { CreditBody } from "../../../validators"

/** Money in: a top-up paid online, in cash or on a card terminal. */
export const POST = async (req: AuthenticatedMedusaRequest<CreditBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await creditWalletWorkflow(req.scope).run({
      input: { ...req.validatedBody, wallet_id: req.params.id, actor: actorOf(req) },
    })
    return result
  })
