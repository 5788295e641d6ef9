import type { DeviceRow } from "../../../../modules/device"
import { isOnline } from "../../../cashless/device-view"

/** A device as the admin pages show it: never its token, which nobody can read again. */
export const deviceView = (device: DeviceRow, posNames: Map<string, string>, now = Date.now()) => ({
  id: device.id,
  name: device.name,
  point_of_sale: { id: device.point_of_sale_id, name: posNames.get(device.point_of_sale_id) ?? device.point_of_sale_id },
  paired_at: device.paired_at,
  paired_by: device.paired_by,
  last_seen_at: device.last_seen_at,
  readers: device.readers ?? [],
  pcsc: device.pcsc,
  agent_version: device.agent_version,
  online: isOnline(device, now),
  revoked_at: device.revoked_at,
  revoked_by: device.revoked_by,
})
