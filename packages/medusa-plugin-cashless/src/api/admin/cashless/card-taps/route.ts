import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { useCardWorkflow } from "../../../../workflows/card/card-workflows"
import type { TapBody } from "../card-validators"
import { cardView } from "../cards/card-view"
import { actorOf, withLedgerErrors } from "../helpers"

/**
 * A card tapped at a till: refused (not registered, lost, blocked, replaced) or answered with
 * its wallet, created on the card's first use. Repeating a tap changes nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest<TapBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await useCardWorkflow(req.scope).run({ input: { uid: req.validatedBody.uid, actor: actorOf(req) } })
    return { card: await cardView(req.scope, result) }
  })
