import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { voidCard } from "../../../../../../workflows/till/void-card-workflow"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { TillVoidBody } from "../../../till-validators"
import { movementReceipt } from "../../movement-receipt"

/** A card handed back: its refundable money paid out in cash, then the card blank again (manager). */
export const POST = async (req: AuthenticatedMedusaRequest<TillVoidBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const result = await voidCard(req.scope, { ...req.validatedBody, point_of_sale_id: req.params.pos_id, done_by: actorOf(req) ?? "unknown" })
    res.status(result.replayed ? 200 : 201)
    return movementReceipt(req.scope, result.movement, result.replayed)
  })
