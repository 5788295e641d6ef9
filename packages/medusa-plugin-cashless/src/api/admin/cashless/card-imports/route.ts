import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import { importCardsWorkflow } from "../../../../workflows/card/import-cards"
import type { ImportCardsBody } from "../card-validators"
import { actorOf, withLedgerErrors } from "../helpers"

/**
 * Starts importing a CSV of cards (`uid,printed_number[,qr_token]`) and answers 202 at once
 * with the import, whose counters GET /admin/cashless/card-imports/:id shows as it runs.
 * The same idempotency key answers the same import instead of starting another.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ImportCardsBody>, res: MedusaResponse) =>
  withLedgerErrors(res.status(202), async () => {
    const { batch_name, csv, idempotency_key } = req.validatedBody
    const actor = actorOf(req)
    const cards = req.scope.resolve<CardModuleService>(CARD_MODULE)
    const started = await cards.startImport({ idempotency_key, batch_name, csv, actor })
    if (started.created) {
      const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
      importCardsWorkflow(req.scope)
        .run({ input: { import_id: started.import.id, csv, actor } })
        .catch((err: unknown) => logger.error(`card import ${started.import.id} failed: ${String(err)}`))
    }
    return { import: started.import, replayed: !started.created }
  })
