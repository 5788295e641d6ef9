import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE } from "../../../../modules/membership"
import type MembershipModuleService from "../../../../modules/membership/service"
import { createMembershipPlanWorkflow } from "../../../../workflows/membership/membership-workflows"
import { withLedgerErrors } from "../helpers"
import type { CreatePlanBody } from "../membership-validators"

/** Every plan, archived ones last. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => ({
    plans: await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).listPlanRecords(),
  }))

export const POST = async (req: AuthenticatedMedusaRequest<CreatePlanBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await createMembershipPlanWorkflow(req.scope).run({ input: req.validatedBody })
    res.status(201)
    return { plan: result }
  })
