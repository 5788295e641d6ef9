import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importMembersWorkflow } from "../../../../workflows/membership/membership-workflows"
import { actorOf, withLedgerErrors } from "../helpers"
import type { ImportMembersBody } from "../membership-validators"

/**
 * Import members (`email,plan,start[,end]`), for associations moving from another tool. Bad lines
 * are skipped and listed; sending the same file again imports nothing twice.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ImportMembersBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await importMembersWorkflow(req.scope).run({
      input: { csv: req.validatedBody.csv, actor: actorOf(req) },
    })
    const { customer_ids: _ids, ...summary } = result
    return { import: summary }
  })
