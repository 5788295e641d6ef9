import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withLedgerErrors } from "../../helpers"
import { staffMe } from "../staff-view"

/** The caller's own role and points of sale: the till screen shows what it may offer. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => ({ me: await staffMe(req.scope, req.auth_context.actor_id) }))
