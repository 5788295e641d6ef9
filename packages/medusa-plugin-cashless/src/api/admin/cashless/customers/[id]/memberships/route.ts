import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../../../../modules/membership"
import type MembershipModuleService from "../../../../../../modules/membership/service"
import { withLedgerErrors } from "../../../helpers"
import { membershipViews } from "../../../memberships/membership-view"

/** The customer page widget: status now, and every membership (cancelled ones included). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const [check, list] = await Promise.all([
      service.check({ customer_id: req.params.id }),
      service.listMembershipRecords({ customer_ids: [req.params.id], limit: 200 }),
    ])
    return { membership: check, memberships: await membershipViews(req.scope, list.memberships) }
  })
