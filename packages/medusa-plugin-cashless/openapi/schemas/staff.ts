import { z } from "@medusajs/framework/zod"
import { component, isoDate } from "./registry"

const StaffRole = z.enum(["cashier", "manager", "admin"])

/** types/http/staff.ts `StaffMe`. */
export const StaffMe = component(
  "StaffMe",
  z.strictObject({ user_id: z.string(), role: StaffRole.nullable(), named_role: StaffRole.nullable(), bootstrap: z.boolean(), point_of_sale_ids: z.array(z.string()) })
)
/** types/http/staff.ts `StaffMember`. */
export const StaffMember = component(
  "StaffMember",
  z.strictObject({
    user_id: z.string(),
    email: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    role: StaffRole.nullable(),
    point_of_sale_ids: z.array(z.string()),
  })
)
export const StaffList = component("StaffList", z.strictObject({ staff: z.array(StaffMember), me: StaffMe, bootstrap: z.boolean() }))
export const StaffAnswer = component("StaffAnswer", z.strictObject({ staff: StaffMember }))
export const StaffMeAnswer = component("StaffMeAnswer", z.strictObject({ me: StaffMe }))

export const Ping = component("Ping", z.strictObject({ ok: z.literal(true), time: isoDate }))

const Infrastructure = z.enum(["redis", "in-memory", "postgres", "unknown"])
/** types/http/status.ts `CashlessStatusResponse`. */
export const Status = component(
  "Status",
  z.strictObject({
    plugin: z.strictObject({ name: z.string(), version: z.string() }),
    infrastructure: z.strictObject({ event_bus: Infrastructure, workflow_engine: Infrastructure, locking: Infrastructure }),
    database: z.strictObject({
      engine: z.literal("postgres"),
      name: z.string(),
      host: z.string(),
      port: z.number().int().nullable(),
      user: z.string(),
      server_version: z.string(),
      embedded: z.boolean(),
    }),
    worker_mode: z.string(),
    node_version: z.string(),
    checked_at: isoDate,
  })
)
