import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE } from "../../../../../../modules/card"
import type CardModuleService from "../../../../../../modules/card/service"
import { cardViews } from "../../../cards/card-view"

/** Every card the customer holds or held (lost, replaced), for the customer page. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
  const page = await cards.listCardRecords({ customer_ids: [req.params.id], limit: 200 })
  res.json({ cards: await cardViews(req.scope, page.cards), count: page.count })
}
