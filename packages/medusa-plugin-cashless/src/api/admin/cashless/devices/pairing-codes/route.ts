import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatPairingCode, newPairingCode, sha256Hex } from "../../../../../modules/device/lib/secrets"
import { createPairingCodeWorkflow } from "../../../../../workflows/device/device-workflows"
import { actorOf, withLedgerErrors } from "../../helpers"
import type { CreatePairingCodeBody } from "../../device-validators"

/**
 * A one-time code to pair a reader to a point of sale, shown to the manager once. Drawn here
 * so that only its hash reaches the workflow (40 random bits: a clash with a stored code is
 * refused by the unique index, never silently shared).
 */
export const POST = async (req: AuthenticatedMedusaRequest<CreatePairingCodeBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const code = newPairingCode()
    const { result } = await createPairingCodeWorkflow(req.scope).run({
      input: { code_hash: sha256Hex(code), point_of_sale_id: req.validatedBody.point_of_sale_id, name: req.validatedBody.name ?? null, created_by: actorOf(req) ?? "unknown" },
    })
    res.status(201)
    return { pairing_code: { code: formatPairingCode(code), expires_at: result.expires_at, point_of_sale: result.point_of_sale, name: result.name } }
  })
