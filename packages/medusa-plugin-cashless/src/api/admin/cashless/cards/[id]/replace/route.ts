import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { replaceCardWorkflow } from "../../../../../../workflows/card/card-workflows"
import type { ReplaceCardBody } from "../../../card-validators"
import { actorOf, withLedgerErrors } from "../../../helpers"
import { cardView } from "../../card-view"

/**
 * Staff gives a new card the old one's wallet and holder; the old card is voided. For an
 * anonymous card the printed number and QR token of the old card are required.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ReplaceCardBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await replaceCardWorkflow(req.scope).run({
      input: { card_id: req.params.id, ...req.validatedBody, actor: actorOf(req) },
    })
    return {
      old_card: await cardView(req.scope, result.old_card),
      new_card: await cardView(req.scope, result.new_card),
      changed: result.changed,
    }
  })
