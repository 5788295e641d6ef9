import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openTillSessionWorkflow } from "../../../../../../workflows/till/session-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { OpenSessionBody } from "../../../till-validators"

/** Opens the till: a session with its cash float, one at a time per point of sale. */
export const POST = async (req: AuthenticatedMedusaRequest<OpenSessionBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await openTillSessionWorkflow(req.scope).run({
      input: { point_of_sale_id: req.params.pos_id, opening_float: req.validatedBody.opening_float, opened_by: actorOf(req) ?? "unknown" },
    })
    res.status(201)
    return { session: result }
  })
