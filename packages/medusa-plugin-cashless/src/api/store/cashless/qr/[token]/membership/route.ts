import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cardMembership, publicMembership } from "../../../../../../lib/card-membership"
import { cardOfQrToken } from "../../qr-card"

/** Membership of the card behind a QR code: valid / expired / none, plan name, end. No personal data. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const card = await cardOfQrToken(req, res)
  if (!card) return
  res.json({ membership: publicMembership(await cardMembership(req.scope, card)) })
}
