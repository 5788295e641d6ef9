import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DEVICE_MODULE, type DeviceRow } from "../../modules/device"
import { isDeviceToken } from "../../modules/device/lib/secrets"
import type DeviceModuleService from "../../modules/device/service"

/** At most one `last_seen_at` write per device per this many seconds, per process and in SQL. */
export const LAST_SEEN_THROTTLE_SECONDS = 10

const devices = new WeakMap<object, DeviceRow>()
const lastTouched = new Map<string, number>()

const refuse = (res: MedusaResponse, status: number, type: string, code: string, message: string) => res.status(status).json({ type, code, message })

/** The device a request was authenticated as (by `deviceAuth`). */
export function deviceOf(req: MedusaRequest): DeviceRow {
  const device = devices.get(req)
  if (!device) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This route is for paired readers only.")
  return device
}

/** The point of sale a device path names (/cashless/tills/:pos_id/…), read from the path itself. */
function pathPointOfSale(req: MedusaRequest): string | undefined {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const raw = /^\/cashless\/tills\/([^/]+)/i.exec(path)?.[1]
  if (raw === undefined) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * The device routes (/cashless/devices/me…, /cashless/tills/:pos_id/taps) take a device token
 * and nothing else: admin sessions, admin JWTs and API keys are no device. One indexed lookup
 * per request, uncached, so a revocation holds at once in every server process.
 */
export async function deviceAuth(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const header = req.headers.authorization ?? ""
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? ""
  if (!isDeviceToken(token)) {
    refuse(res, 401, MedusaError.Types.UNAUTHORIZED, "device_token_invalid", header
      ? "This is not a reader's token: pair the reader with `cashless-reader pair <server> <code>` (codes are made in Cashless → Devices)."
      : "A paired reader's token is required (header Authorization: Bearer cdt_…): pair the reader first.")
    return
  }
  try {
    const service = req.scope.resolve<DeviceModuleService>(DEVICE_MODULE)
    const device = await service.deviceByToken(token)
    if (!device) {
      refuse(res, 401, MedusaError.Types.UNAUTHORIZED, "device_token_invalid", "This reader's token is not known here (another server, or a database started afresh): pair the reader again.")
      return
    }
    if (device.revoked_at) {
      refuse(res, 401, MedusaError.Types.UNAUTHORIZED, "device_revoked", "This reader was revoked in Cashless → Devices: pair it again.")
      return
    }
    const posId = pathPointOfSale(req)
    if (posId !== undefined && posId !== device.point_of_sale_id) {
      refuse(res, 403, MedusaError.Types.NOT_ALLOWED, "device_wrong_point_of_sale", `This reader is paired to another point of sale (${device.point_of_sale_id}): it can only send taps there.`)
      return
    }
    devices.set(req, device)
    const now = Date.now()
    if (now - (lastTouched.get(device.id) ?? 0) >= LAST_SEEN_THROTTLE_SECONDS * 1000) {
      lastTouched.set(device.id, now)
      await service.touch(device.id, LAST_SEEN_THROTTLE_SECONDS)
    }
    next()
  } catch (err) {
    next(err)
  }
}
