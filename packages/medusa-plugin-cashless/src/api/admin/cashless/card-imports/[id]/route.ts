import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE } from "../../../../../modules/card"
import type CardModuleService from "../../../../../modules/card/service"
import { withLedgerErrors } from "../../helpers"

/** An import's progress counters and, once done, every skipped line with its reason. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
    return { import: await cards.retrieveImport(req.params.id) }
  })
