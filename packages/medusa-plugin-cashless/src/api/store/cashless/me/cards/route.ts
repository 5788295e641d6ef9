import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { myCards } from "./my-cards"

/** The logged-in customer's cards, lost and replaced ones included. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ cards: await myCards(req.scope, req.auth_context.actor_id) })
}
