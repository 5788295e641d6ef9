import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE } from "../../../../../modules/card"
import type CardModuleService from "../../../../../modules/card/service"
import { withLedgerErrors } from "../../helpers"
import { cardView } from "../card-view"

/** The card page: the card with holder and balances, and its status log (newest first). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
    const card = await cards.retrieveCard(req.params.id)
    return { card: await cardView(req.scope, card), events: await cards.listCardEvents(card.id) }
  })
