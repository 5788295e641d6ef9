import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pointOfSaleNames } from "../../../../../cashless/device-view"
import { revokeDeviceWorkflow } from "../../../../../../workflows/device/device-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import { deviceView } from "../../device-view"

/** Revokes a reader: its token answers 401 `device_revoked` from now on. Revoking twice changes nothing. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await revokeDeviceWorkflow(req.scope).run({ input: { device_id: req.params.id, revoked_by: actorOf(req) ?? "unknown" } })
    return { device: deviceView(result, await pointOfSaleNames(req.scope, [result.point_of_sale_id])) }
  })
