import { z } from "@medusajs/framework/zod"

/**
 * Bodies the reader agent sends (docs/devices.md). Unknown fields are dropped rather than
 * refused, unlike the admin routes: an agent newer than the server must still pair and tap.
 */

const text = (what: string, max: number) => z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`)

export const PairDeviceSchema = z.object({
  code: z.string({ error: "code is required: the pairing code shown in Cashless → Devices, e.g. K7Q4-M2XP" }).max(40, "code is too long: a pairing code looks like K7Q4-M2XP"),
  name: text("name", 80).optional(),
  agent_version: text("agent_version", 40).optional(),
})
export type PairDeviceBody = z.infer<typeof PairDeviceSchema>

export const DeviceStatusSchema = z.object({
  readers: z.array(text("a reader name", 200)).max(20, "at most 20 readers"),
  pcsc: z.enum(["ok", "down"], { error: 'pcsc is "ok" or "down"' }),
  agent_version: text("agent_version", 40).optional(),
})
export type DeviceStatusBody = z.infer<typeof DeviceStatusSchema>

export const DeviceTapSchema = z.object({
  tap_id: z.uuid({ error: "tap_id is a UUID the agent draws for each tap (it makes retries safe)" }),
  uid: z.string({ error: "uid is required: the card's UID in hexadecimal" }).max(64, "uid is too long for a card UID"),
  reader: z.string().max(200, "reader must be at most 200 characters").optional(),
  at: z
    .string()
    .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), { message: "at is an ISO-8601 date and time, e.g. 2026-12-01T14:05:00.000Z" })
    .optional(),
})
export type DeviceTapBody = z.infer<typeof DeviceTapSchema>
