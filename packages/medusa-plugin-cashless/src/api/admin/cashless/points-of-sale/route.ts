import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TILL_MODULE } from "../../../../modules/till"
import type TillModuleService from "../../../../modules/till/service"
import { createPointOfSaleWorkflow } from "../../../../workflows/till/point-of-sale-workflows"
import { withLedgerErrors } from "../helpers"
import type { CreatePointOfSaleBody } from "../till-validators"

/**
 * The points of sale, archived ones last, each with its open session (or null): the Points of
 * sale page shows which tills are open without a request per till.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const till = req.scope.resolve<TillModuleService>(TILL_MODULE)
  const all = await till.listCashlessPointOfSales({}, { order: { name: "ASC" } })
  const open = new Map((await till.openSessions(all.map((p) => p.id))).map((s) => [s.point_of_sale_id, s]))
  const withSession = (p: (typeof all)[number]) => ({ ...p, open_session: open.get(p.id) ?? null })
  res.json({ points_of_sale: [...all.filter((p) => !p.archived_at), ...all.filter((p) => p.archived_at)].map(withSession) })
}

export const POST = async (req: AuthenticatedMedusaRequest<CreatePointOfSaleBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await createPointOfSaleWorkflow(req.scope).run({ input: req.validatedBody })
    res.status(201)
    return { point_of_sale: result }
  })
