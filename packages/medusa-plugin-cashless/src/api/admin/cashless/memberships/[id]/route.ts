import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../../../modules/membership"
import type MembershipModuleService from "../../../../../modules/membership/service"
import { withLedgerErrors } from "../../helpers"
import { membershipView } from "../membership-view"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const membership = await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveMembership(req.params.id)
    return { membership: await membershipView(req.scope, membership) }
  })
