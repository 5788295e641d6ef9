import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { tillMoneyWorkflow } from "../../../../../../workflows/till/till-money-workflow"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { TillRefundBody } from "../../../till-validators"
import { movementReceipt } from "../../movement-receipt"

/** Refundable money of a card given back in cash at the till; gift credit stays. */
export const POST = async (req: AuthenticatedMedusaRequest<TillRefundBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await tillMoneyWorkflow(req.scope).run({
      input: { ...req.validatedBody, tender: "cash", kind: "refund", point_of_sale_id: req.params.pos_id, done_by: actorOf(req) ?? "unknown" },
    })
    res.status(result.replayed ? 200 : 201)
    return movementReceipt(req.scope, result.movement, result.replayed)
  })
