import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transferBetweenWalletsWorkflow } from "../../../../../../workflows/wallet/ledger-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { TransferBody } from "../../../validators"

export const POST = async (req: AuthenticatedMedusaRequest<TransferBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { to_wallet_id, ...rest } = req.validatedBody
    const { result } = await transferBetweenWalletsWorkflow(req.scope).run({
      input: { ...rest, from_wallet_id: req.params.id, to_wallet_id, actor: actorOf(req) },
    })
    return result
  })
