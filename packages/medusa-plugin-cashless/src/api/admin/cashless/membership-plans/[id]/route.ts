import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../../../modules/membership"
import type MembershipModuleService from "../../../../../modules/membership/service"
import { updateMembershipPlanWorkflow } from "../../../../../workflows/membership/membership-workflows"
import { withLedgerErrors } from "../../helpers"
import type { UpdatePlanBody } from "../../membership-validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => ({
    plan: await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrievePlan(req.params.id),
  }))

/** Edit a plan. New rules apply to grants from now on; granted memberships keep their dates. */
export const POST = async (req: AuthenticatedMedusaRequest<UpdatePlanBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await updateMembershipPlanWorkflow(req.scope).run({
      input: { id: req.params.id, update: req.validatedBody },
    })
    return { plan: result }
  })
