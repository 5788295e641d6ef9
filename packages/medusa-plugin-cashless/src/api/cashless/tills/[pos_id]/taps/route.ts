import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { InvalidCardUidError, normalizeCardUid } from "../../../../../lib/card-uid"
import { tillTapBus } from "../../../../../lib/till-taps/bus"
import { DeviceError } from "../../../../../modules/device"
import { withLedgerErrors } from "../../../../cashless-errors"
import { deviceOf } from "../../../device-auth"
import type { DeviceTapBody } from "../../../device-validators"

/** A tap older than this is refused: a late tap must never land on the next customer's sale. */
export const STALE_TAP_SECONDS = 30
/** How long a tap id is remembered: long past the stale limit, so a retry is never delivered twice. */
const TAP_ID_TTL_SECONDS = 600

/**
 * A card tapped on a paired reader, for the till pages of its point of sale (the middleware
 * checked that the path's point of sale is the device's). Idempotent by `tap_id`.
 */
export const POST = async (req: MedusaRequest<DeviceTapBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const device = deviceOf(req)
    const body = req.validatedBody
    let uid: string
    try {
      uid = normalizeCardUid(body.uid)
    } catch (err) {
      if (err instanceof InvalidCardUidError) throw new DeviceError("invalid_card_uid", err.message)
      throw err
    }
    const at = body.at ? new Date(body.at) : new Date()
    const age = (Date.now() - at.getTime()) / 1000
    if (age > STALE_TAP_SECONDS) {
      throw new DeviceError(
        "tap_stale",
        `This tap is ${Math.round(age)} s old (at ${at.toISOString()}): taps older than ${STALE_TAP_SECONDS} s are dropped so that a late one never lands on another sale. Check the reader's clock if this repeats.`
      )
    }
    const bus = tillTapBus(req.scope)
    res.status(202)
    if (!(await bus.claim(`${device.id}:${body.tap_id}`, TAP_ID_TTL_SECONDS))) return { delivered: 0, duplicate: true }
    const delivered = await bus.publish(device.point_of_sale_id, {
      type: "tap",
      uid,
      reader: body.reader ?? "",
      at: at.toISOString(),
      device_id: device.id,
      device_name: device.name,
      tap_id: body.tap_id,
    })
    return { delivered }
  })
