import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { tillCatalog } from "../../../../../../lib/till-catalog"
import { TILL_MODULE, TillError } from "../../../../../../modules/till"
import type TillModuleService from "../../../../../../modules/till/service"
import { withLedgerErrors } from "../../../helpers"

/** The till's product grid: what this point of sale sells, at its price tags. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const [pos] = await req.scope.resolve<TillModuleService>(TILL_MODULE).listCashlessPointOfSales({ id: req.params.pos_id })
    if (!pos || pos.archived_at) throw new TillError("pos_not_found", `Point of sale ${req.params.pos_id} not found.`)
    return tillCatalog(req.scope, {
      id: pos.id,
      name: pos.name,
      sales_channel_id: pos.sales_channel_id,
      currency_code: pos.currency_code,
      country_code: pos.country_code,
      tenders: (pos.tenders as unknown as string[] | null) ?? [],
      category_ids: (pos.category_ids as unknown as string[] | null) ?? null,
      collection_ids: (pos.collection_ids as unknown as string[] | null) ?? null,
    })
  })
