import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE, CardError } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import { CardUidQuerySchema } from "../card-validators"
import { cardView } from "../cards/card-view"
import { withLedgerErrors } from "../helpers"
import { parseQuery } from "../../../parse-query"

/**
 * A card by its UID, as staff see it: status, holder or anonymous, balances. Reads only: an
 * unknown card is "not registered" whatever `unknownCards` says (a tap registers it).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { uid } = parseQuery(CardUidQuerySchema, req.query)
    const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
    const card = await cards.findCardByUid(uid)
    if (!card) throw CardError.notRegistered(uid.toUpperCase().replace(/[\s:-]/g, ""))
    return { card: await cardView(req.scope, card) }
  })
