import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { newDeviceToken, pairingCodeHash, sha256Hex } from "../../../../modules/device/lib/secrets"
import { pairDeviceWorkflow } from "../../../../workflows/device/device-workflows"
import { withLedgerErrors } from "../../../cashless-errors"
import type { PairDeviceBody } from "../../device-validators"

/**
 * A reader agent pairs with the code a manager gave it (no other authentication): answers its
 * device and its token, once. The token is drawn here and only its hash goes further.
 */
export const POST = async (req: MedusaRequest<PairDeviceBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const body = req.validatedBody
    const token = newDeviceToken()
    const { result } = await pairDeviceWorkflow(req.scope).run({
      input: { code_hash: pairingCodeHash(body.code), token_hash: sha256Hex(token), name: body.name ?? null, agent_version: body.agent_version ?? null },
    })
    res.status(201)
    return { device: { id: result.device.id, name: result.device.name, point_of_sale: result.point_of_sale }, token }
  })
