import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeCardStatusWorkflow } from "../../../../../../../workflows/card/card-workflows"
import { withLedgerErrors } from "../../../../../../cashless-errors"
import type { DeclareLostBody } from "../../../../validators"
import { myCardViews } from "../../my-cards"

/** The customer declares one of their cards lost: refused everywhere at once, money kept. */
export const POST = async (req: AuthenticatedMedusaRequest<DeclareLostBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const customerId = req.auth_context.actor_id
    const { result } = await changeCardStatusWorkflow(req.scope).run({
      input: {
        card_id: req.params.id,
        action: "lost",
        reason: req.validatedBody.reason || "declared lost by its holder",
        actor: `customer:${customerId}`,
        customer_id: customerId,
      },
    })
    const [card] = await myCardViews(req.scope, [result])
    return { card }
  })
