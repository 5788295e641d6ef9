import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { tillMoneyWorkflow } from "../../../../../../workflows/till/till-money-workflow"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { TillTopUpBody } from "../../../till-validators"
import { movementReceipt } from "../../movement-receipt"

/** A card topped up at the till, paid in cash or on the card terminal. */
export const POST = async (req: AuthenticatedMedusaRequest<TillTopUpBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await tillMoneyWorkflow(req.scope).run({
      input: { ...req.validatedBody, kind: "top_up", point_of_sale_id: req.params.pos_id, done_by: actorOf(req) ?? "unknown" },
    })
    res.status(result.replayed ? 200 : 201)
    return movementReceipt(req.scope, result.movement, result.replayed)
  })
