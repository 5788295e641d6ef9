import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { TILL_MODULE, TillError } from "../../../../../modules/till"
import type TillModuleService from "../../../../../modules/till/service"
import { withLedgerErrors } from "../../helpers"
import type { SetStaffBody } from "../../staff-validators"
import { staffList } from "../staff-view"

/** A role belongs to a Medusa admin user, or to a secret API key (scripts, the reader agent). */
async function exists(scope: MedusaContainer, id: string): Promise<boolean> {
  if (id.startsWith("apk_")) {
    return (await scope.resolve(Modules.API_KEY).listApiKeys({ id, type: "secret" }, { select: ["id"] })).length > 0
  }
  return (await scope.resolve(Modules.USER).listUsers({ id }, { select: ["id"] })).length > 0
}

/**
 * Gives, changes or (role null) takes away a user's role and, when `point_of_sale_ids` is sent,
 * makes it the user's whole list of points of sale. Points of sale are checked first, so a
 * wrong id changes nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest<SetStaffBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const userId = req.params.user_id
    const { role, point_of_sale_ids } = req.validatedBody
    if (!(await exists(req.scope, userId))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `User ${userId} not found.`, "not_found")
    }
    const till = req.scope.resolve<TillModuleService>(TILL_MODULE)
    const wanted = point_of_sale_ids ? [...new Set(point_of_sale_ids)] : null
    if (wanted?.length) {
      const found = new Set((await till.listCashlessPointOfSales({ id: wanted }, { select: ["id"] })).map((p) => p.id))
      const missing = wanted.filter((id) => !found.has(id))
      if (missing.length) throw new TillError("pos_not_found", `Point of sale ${missing.join(", ")} not found.`)
    }
    await till.setRole(userId, role)
    if (wanted) {
      const current = await till.assignedPointsOfSale(userId)
      for (const id of current) if (!wanted.includes(id)) await till.unassign(userId, id)
      for (const id of wanted) if (!current.includes(id)) await till.assign(userId, id)
    }
    const [member] = await staffList(req.scope, [userId])
    return { staff: member }
  })
