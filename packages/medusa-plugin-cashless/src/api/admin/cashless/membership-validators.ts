import { z } from "@medusajs/framework/zod"
import { DURATION_UNITS } from "../../../modules/membership/lib/duration"

/** Request bodies and queries of the membership routes. Unknown fields are refused. */

const id = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(100, `${what} is too long`)
const date = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: `${what} must be a date, e.g. 2027-01-01 or 2027-01-01T00:00:00+01:00` })

const planFields = {
  name: z.string().trim().min(1, "name must not be empty").max(120, "name must be at most 120 characters"),
  description: z.string().trim().max(1000, "description must be at most 1000 characters").nullish(),
  duration_unit: z.enum(DURATION_UNITS, {
    error: () => `duration_unit must be one of: ${DURATION_UNITS.join(", ")}`,
  }),
  duration_count: z
    .number()
    .int("duration_count must be a whole number")
    .refine((n) => n >= 1 && n <= 1000, { message: "duration_count must be from 1 to 1000" }),
  customer_group_id: id("customer_group_id").nullish(),
  allow_parallel: z.boolean(),
  variant_ids: z.array(id("variant_ids[]")).max(50, "a plan is sold by at most 50 variants"),
}

export const CreatePlanSchema = z
  .object({
    ...planFields,
    duration_count: planFields.duration_count.optional(),
    allow_parallel: planFields.allow_parallel.optional(),
    variant_ids: planFields.variant_ids.optional(),
  })
  .strict()
export type CreatePlanBody = z.infer<typeof CreatePlanSchema>

export const UpdatePlanSchema = z
  .object({
    name: planFields.name.optional(),
    description: planFields.description,
    duration_unit: planFields.duration_unit.optional(),
    duration_count: planFields.duration_count.optional(),
    customer_group_id: planFields.customer_group_id,
    allow_parallel: planFields.allow_parallel.optional(),
    variant_ids: planFields.variant_ids.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
export type UpdatePlanBody = z.infer<typeof UpdatePlanSchema>

export const GrantMembershipSchema = z
  .object({
    plan_id: id("plan_id"),
    customer_id: id("customer_id").optional(),
    card_id: id("card_id").optional(),
    periods: z
      .number()
      .int("periods must be a whole number")
      .refine((n) => n >= 1 && n <= 100, { message: "periods must be from 1 to 100" })
      .optional(),
    starts_at: date("starts_at").optional(),
    ends_at: date("ends_at").nullish(),
    note: z.string().trim().max(500, "note must be at most 500 characters").optional(),
    idempotency_key: z.string().trim().min(1, "idempotency_key must not be empty").max(200, "idempotency_key must be at most 200 characters"),
  })
  .strict()
  .refine((b) => !!b.customer_id !== !!b.card_id, { message: "Give exactly one of customer_id and card_id: who the membership is for." })
  .refine((b) => b.ends_at === undefined || !!b.starts_at, { message: "ends_at needs starts_at: give both dates, or neither to follow the plan's rule." })
export type GrantMembershipBody = z.infer<typeof GrantMembershipSchema>

export const CancelMembershipSchema = z
  .object({ reason: z.string().trim().min(1, "reason must not be empty: say why it is cancelled").max(500, "reason must be at most 500 characters") })
  .strict()
export type CancelMembershipBody = z.infer<typeof CancelMembershipSchema>

export const MEMBERSHIP_STATES = ["valid", "expired", "upcoming", "cancelled"] as const

export const ListMembershipsQuerySchema = z
  .object({
    state: z.enum(MEMBERSHIP_STATES).optional(),
    plan_id: id("plan_id").optional(),
    customer_id: id("customer_id").optional(),
    source: z.enum(["order", "till", "admin", "import"]).optional(),
    q: z.string().trim().max(200).optional(),
    format: z.enum(["json", "csv"]).default("json"),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const MembershipCheckQuerySchema = z
  .object({
    uid: z.string().trim().min(1).max(100).optional(),
    card_id: id("card_id").optional(),
    customer_id: id("customer_id").optional(),
    qr_token: z.string().trim().min(1).max(128).optional(),
  })
  .strict()
  .refine((q) => [q.uid, q.card_id, q.customer_id, q.qr_token].filter(Boolean).length === 1, {
    message: "Give exactly one of uid, card_id, customer_id or qr_token: whose membership to check.",
  })

export const ImportMembersSchema = z
  .object({
    csv: z.string().refine((text) => text.trim().length > 0, {
      message: "csv is empty: send the file's text, one member per line: email,plan,start,end",
    }),
  })
  .strict()
export type ImportMembersBody = z.infer<typeof ImportMembersSchema>
