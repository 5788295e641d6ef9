import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TILL_MODULE } from "../../../../../../modules/till"
import type TillModuleService from "../../../../../../modules/till/service"

/** The open session of this point of sale, or null: what the till screen starts from. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ session: await req.scope.resolve<TillModuleService>(TILL_MODULE).openSession(req.params.pos_id) })
}
