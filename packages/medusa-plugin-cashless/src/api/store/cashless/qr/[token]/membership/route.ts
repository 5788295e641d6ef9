import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cardMembership, publicMembership } from "../../../../../../lib/card-membership"
import { CARD_MODULE } from "../../../../../../modules/card"
import type CardModuleService from "../../../../../../modules/card/service"

/** Membership of the card behind a QR code: valid / expired / none, plan name, end. No personal data. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
  const card = req.params.token.length <= 128 ? await cards.findCardByQrToken(req.params.token) : null
  if (!card) {
    res.status(404).json({ type: "not_found", code: "card_not_found", message: "No card has this QR code." })
    return
  }
  res.json({ membership: publicMembership(await cardMembership(req.scope, card)) })
}
