import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { closeTillSessionWorkflow } from "../../../../../../../../workflows/till/session-workflows"
import { actorOf, withLedgerErrors } from "../../../../../helpers"
import type { CloseSessionBody } from "../../../../../till-validators"

/** Closes the session with the cash counted; a closed session never changes again. */
export const POST = async (req: AuthenticatedMedusaRequest<CloseSessionBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await closeTillSessionWorkflow(req.scope).run({
      input: {
        point_of_sale_id: req.params.pos_id,
        session_id: req.params.session_id,
        counted_cash: req.validatedBody.counted_cash,
        closed_by: actorOf(req) ?? "unknown",
      },
    })
    return { session: result }
  })
