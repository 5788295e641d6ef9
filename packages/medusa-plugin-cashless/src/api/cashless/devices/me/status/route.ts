import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEVICE_MODULE } from "../../../../../modules/device"
import type DeviceModuleService from "../../../../../modules/device/service"
import { tillTapBus } from "../../../../../lib/till-taps/bus"
import { deviceOf } from "../../../device-auth"
import type { DeviceStatusBody } from "../../../device-validators"

/** The agent's heartbeat and status changes: stored, then shown on the till pages of its point of sale. */
export const POST = async (req: MedusaRequest<DeviceStatusBody>, res: MedusaResponse) => {
  const device = deviceOf(req)
  const { readers, pcsc, agent_version } = req.validatedBody
  await req.scope.resolve<DeviceModuleService>(DEVICE_MODULE).setStatus(device.id, { readers, pcsc, agent_version: agent_version ?? null })
  await tillTapBus(req.scope).publish(device.point_of_sale_id, { type: "status", device_id: device.id, device_name: device.name, readers, pcsc })
  res.json({ ok: true })
}
