import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeCardStatusWorkflow } from "../../../../../../workflows/card/card-workflows"
import type { ReasonRequiredBody } from "../../../card-validators"
import { actorOf, withLedgerErrors } from "../../../helpers"
import { cardView } from "../../card-view"

/** Staff: unblock the card. Repeating it changes nothing. */
export const POST = async (req: AuthenticatedMedusaRequest<ReasonRequiredBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await changeCardStatusWorkflow(req.scope).run({
      input: { card_id: req.params.id, action: "unblock", reason: req.validatedBody.reason ?? null, actor: actorOf(req) },
    })
    return { card: await cardView(req.scope, result) }
  })
