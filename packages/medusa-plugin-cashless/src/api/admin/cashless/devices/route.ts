import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEVICE_MODULE } from "../../../../modules/device"
import type DeviceModuleService from "../../../../modules/device/service"
import { parseQuery } from "../../../parse-query"
import { pointOfSaleNames } from "../../../cashless/device-view"
import { withLedgerErrors } from "../helpers"
import { ListDevicesQuery } from "../device-validators"
import { deviceView } from "./device-view"

/** The paired readers, newest first, of one point of sale or all; revoked ones on request. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const query = parseQuery(ListDevicesQuery, req.query)
    const devices = await req.scope
      .resolve<DeviceModuleService>(DEVICE_MODULE)
      .devices({ point_of_sale_id: query.point_of_sale_id, include_revoked: query.include_revoked === "true" })
    const names = await pointOfSaleNames(req.scope, devices.map((d) => d.point_of_sale_id))
    return { devices: devices.map((d) => deviceView(d, names)) }
  })
