import type { MedusaContainer } from "@medusajs/framework/types"
import type { DeviceRow } from "../../modules/device"
import { TILL_MODULE } from "../../modules/till"
import type TillModuleService from "../../modules/till/service"

/** A device is online when it was seen within this many seconds (the agent's heartbeat is 30 s). */
export const ONLINE_SECONDS = 90

export const isOnline = (device: Pick<DeviceRow, "last_seen_at" | "revoked_at">, now = Date.now()) =>
  !device.revoked_at && !!device.last_seen_at && now - new Date(device.last_seen_at).getTime() < ONLINE_SECONDS * 1000

/** Names of these points of sale, by id (archived ones included). */
export async function pointOfSaleNames(container: MedusaContainer, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const found = await container.resolve<TillModuleService>(TILL_MODULE).listCashlessPointOfSales({ id: unique }, { withDeleted: true })
  return new Map(found.map((p) => [p.id, p.name]))
}
