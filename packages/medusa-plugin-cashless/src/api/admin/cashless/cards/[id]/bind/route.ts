import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindCardWorkflow } from "../../../../../../workflows/card/card-workflows"
import type { BindCardBody } from "../../../card-validators"
import { actorOf, withLedgerErrors } from "../../../helpers"
import { cardView } from "../../card-view"

/** Staff binds the card to a customer; its anonymous balances move to the customer's wallet. */
export const POST = async (req: AuthenticatedMedusaRequest<BindCardBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await bindCardWorkflow(req.scope).run({
      input: { card_id: req.params.id, customer_id: req.validatedBody.customer_id, actor: actorOf(req) },
    })
    return { card: await cardView(req.scope, result.card), changed: result.changed, fusion: result.fusion }
  })
