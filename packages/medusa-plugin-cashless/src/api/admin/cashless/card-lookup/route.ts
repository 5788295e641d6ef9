import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE, CardError } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import { CardLookupQuerySchema } from "../card-validators"
import { cardView } from "../cards/card-view"
import { withLedgerErrors } from "../helpers"
import { parseQuery } from "../../../parse-query"

/**
 * A card by its UID or its QR token, as staff see it: status, holder or anonymous, balances.
 * Reads only: an unknown card is "not registered" whatever `unknownCards` says (a tap registers it).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { uid, qr_token } = parseQuery(CardLookupQuerySchema, req.query)
    const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
    if (qr_token !== undefined) {
      const card = await cards.findCardByQrToken(qr_token)
      if (!card) throw CardError.notFound("No card has this QR code.")
      return { card: await cardView(req.scope, card) }
    }
    const card = await cards.findCardByUid(uid!)
    if (!card) throw CardError.notRegistered(uid!.toUpperCase().replace(/[\s:-]/g, ""))
    return { card: await cardView(req.scope, card) }
  })
