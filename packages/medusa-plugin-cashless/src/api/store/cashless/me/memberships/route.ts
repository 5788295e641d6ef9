import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../../../modules/membership"
import type MembershipModuleService from "../../../../../modules/membership/service"
import { withLedgerErrors } from "../../../../cashless-errors"

/** The logged-in customer's own memberships: status now, and their history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const customerId = req.auth_context.actor_id
    const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const [check, list] = await Promise.all([
      service.check({ customer_id: customerId }),
      service.listMembershipRecords({ customer_ids: [customerId], limit: 200 }),
    ])
    return {
      membership: check,
      memberships: list.memberships.map((m) => ({
        id: m.id,
        plan: { id: m.plan_id, name: m.plan_name },
        state: m.state,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        source: m.source,
        cancelled_at: m.cancelled_at,
        cancel_reason: m.cancel_reason,
      })),
    }
  })
