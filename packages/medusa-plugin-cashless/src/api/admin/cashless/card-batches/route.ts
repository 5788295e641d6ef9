import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"

/** Card batches, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
  res.json({ batches: await cards.listBatchRecords() })
}
