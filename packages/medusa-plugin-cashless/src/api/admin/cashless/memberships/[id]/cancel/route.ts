import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelMembershipWorkflow } from "../../../../../../workflows/membership/membership-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { CancelMembershipBody } from "../../../membership-validators"
import { membershipView } from "../../membership-view"

/** Cancel with a reason (kept with the membership). Cancelling again changes nothing. */
export const POST = async (req: AuthenticatedMedusaRequest<CancelMembershipBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await cancelMembershipWorkflow(req.scope).run({
      input: { id: req.params.id, reason: req.validatedBody.reason, actor: actorOf(req) },
    })
    return { membership: await membershipView(req.scope, result.membership), changed: result.changed }
  })
