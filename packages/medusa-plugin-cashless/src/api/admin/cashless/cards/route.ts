import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import { ListCardsQuerySchema } from "../card-validators"
import { cardViews } from "./card-view"
import { parseQuery } from "../../../parse-query"

/** Cards, searched by UID, printed number or holder (name or email), filtered by status and batch. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { q, status, batch_id, limit, offset } = parseQuery(ListCardsQuerySchema, req.query)
  let customerIds: string[] | undefined
  if (q) {
    const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ q }, { select: ["id"], take: 200 })
    customerIds = customers.map((c: { id: string }) => c.id)
  }
  const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
  const page = await cards.listCardRecords({ q, status, batch_id, customer_ids: customerIds, limit, offset })
  res.json({ cards: await cardViews(req.scope, page.cards), count: page.count, limit, offset })
}
