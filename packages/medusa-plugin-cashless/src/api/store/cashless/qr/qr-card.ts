import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import type { CardRecord } from "../../../../modules/card/types"

/** The card behind a scanned QR code, or null once a 404 has been answered. */
export async function cardOfQrToken(req: MedusaRequest, res: MedusaResponse): Promise<CardRecord | null> {
  const token = String(req.params.token ?? "")
  const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
  const card = token.length <= 128 ? await cards.findCardByQrToken(token) : null
  if (!card) res.status(404).json({ type: "not_found", code: "card_not_found", message: "No card has this QR code." })
  return card
}
