import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withLedgerErrors } from "../helpers"
import { staffList, staffMe } from "./staff-view"

/** Every admin user with their cashless role and points of sale, and the caller's own access. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const [staff, me] = await Promise.all([staffList(req.scope), staffMe(req.scope, req.auth_context.actor_id)])
    return { staff, me, bootstrap: me.bootstrap }
  })
