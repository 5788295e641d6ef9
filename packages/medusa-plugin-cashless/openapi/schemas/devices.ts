import { z } from "@medusajs/framework/zod"
import { component, isoDate, nullableDate } from "./registry"

const PointOfSaleRef = z.strictObject({ id: z.string(), name: z.string() })

/** The reader's answer to pairing: its token, shown once (`cdt_…`). */
export const DevicePaired = component(
  "DevicePaired",
  z.strictObject({
    device: z.strictObject({ id: z.string(), name: z.string(), point_of_sale: PointOfSaleRef }),
    token: z.string().startsWith("cdt_"),
  })
)

export const DeviceSelf = component(
  "DeviceSelf",
  z.strictObject({
    device: z.strictObject({
      id: z.string(),
      name: z.string(),
      point_of_sale: PointOfSaleRef,
      paired_at: isoDate,
      last_seen_at: nullableDate,
    }),
  })
)

/** 202: how many till pages received the tap; a replayed `tap_id` is delivered to none. */
export const TapDelivered = component(
  "TapDelivered",
  z.strictObject({ delivered: z.number().int().min(0), duplicate: z.literal(true).optional() })
)

/** types/http/devices.ts `Device`, as staff see a paired reader. */
export const Device = component(
  "Device",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    point_of_sale: PointOfSaleRef,
    paired_at: isoDate,
    paired_by: z.string(),
    last_seen_at: nullableDate,
    readers: z.array(z.string()),
    pcsc: z.enum(["ok", "down"]).nullable(),
    agent_version: z.string().nullable(),
    online: z.boolean(),
    revoked_at: nullableDate,
    revoked_by: z.string().nullable(),
  })
)

export const DeviceList = component("DeviceList", z.strictObject({ devices: z.array(Device) }))
export const DeviceAnswer = component("DeviceAnswer", z.strictObject({ device: Device }))

export const PairingCode = component(
  "PairingCode",
  z.strictObject({
    pairing_code: z.strictObject({ code: z.string(), expires_at: isoDate, point_of_sale: PointOfSaleRef, name: z.string().nullable() }),
  })
)
