import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reverseLedgerEntryWorkflow } from "../../../../../../workflows/wallet/ledger-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { ReverseBody } from "../../../validators"

/** Posts the opposite of an entry; the original stays, pointed to by the reversal. */
export const POST = async (req: AuthenticatedMedusaRequest<ReverseBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await reverseLedgerEntryWorkflow(req.scope).run({
      input: { ...req.validatedBody, entry_id: req.params.id, actor: actorOf(req) },
    })
    return result
  })
