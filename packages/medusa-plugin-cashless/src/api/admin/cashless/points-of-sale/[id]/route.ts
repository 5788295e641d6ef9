import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TILL_MODULE, TillError } from "../../../../../modules/till"
import type TillModuleService from "../../../../../modules/till/service"
import { updatePointOfSaleWorkflow } from "../../../../../workflows/till/point-of-sale-workflows"
import { withLedgerErrors } from "../../helpers"
import type { UpdatePointOfSaleBody } from "../../till-validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const till = req.scope.resolve<TillModuleService>(TILL_MODULE)
    const [pos] = await till.listCashlessPointOfSales({ id: req.params.id })
    if (!pos) throw new TillError("pos_not_found", `Point of sale ${req.params.id} not found.`)
    return { point_of_sale: pos, session: await till.openSession(pos.id) }
  })

export const POST = async (req: AuthenticatedMedusaRequest<UpdatePointOfSaleBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await updatePointOfSaleWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
    return { point_of_sale: result }
  })
