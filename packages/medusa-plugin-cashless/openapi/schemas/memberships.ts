import { z } from "@medusajs/framework/zod"
import { ValidityStatus } from "./common"
import { component, isoDate, nullableDate } from "./registry"

const PlanRef = z.strictObject({ id: z.string(), name: z.string(), customer_group_id: z.string().nullable() })

/** modules/membership/types.ts `MembershipCheck`: valid / expired / none now, and per plan. */
export const MembershipCheck = component(
  "MembershipCheck",
  z.strictObject({
    status: ValidityStatus,
    plan: PlanRef.nullable(),
    starts_at: nullableDate,
    ends_at: nullableDate,
    upcoming_starts_at: nullableDate,
    plans: z.array(
      z.strictObject({
        plan: PlanRef,
        status: ValidityStatus,
        starts_at: nullableDate,
        ends_at: nullableDate,
        upcoming_starts_at: nullableDate,
      })
    ),
  })
)

/** What a QR code may show of a membership (lib/card-membership.ts `publicMembership`): no personal data. */
export const PublicMembership = component(
  "PublicMembership",
  z.strictObject({ status: ValidityStatus, plan: z.strictObject({ name: z.string() }).nullable(), ends_at: nullableDate })
)

export const MembershipState = z.enum(["valid", "expired", "upcoming", "cancelled"])

/** A customer's own membership row (store/cashless/me/memberships). */
export const OwnMembership = component(
  "OwnMembership",
  z.strictObject({
    id: z.string(),
    plan: z.strictObject({ id: z.string(), name: z.string() }),
    state: MembershipState,
    starts_at: isoDate,
    ends_at: nullableDate,
    source: z.string(),
    cancelled_at: nullableDate,
    cancel_reason: z.string().nullable(),
  })
)

const PersonRef = z.strictObject({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() })

/** modules/membership/types.ts `MembershipRecord` with its holder or card, as staff see it. */
export const AdminMembership = component(
  "AdminMembership",
  z.strictObject({
    id: z.string(),
    plan_id: z.string(),
    plan_name: z.string(),
    customer_id: z.string().nullable(),
    wallet_id: z.string().nullable(),
    starts_at: isoDate,
    ends_at: nullableDate,
    periods: z.number().int(),
    status: z.enum(["active", "cancelled"]),
    state: MembershipState,
    source: z.enum(["order", "till", "admin", "import"]),
    source_ref: z.string(),
    created_by: z.string().nullable(),
    note: z.string().nullable(),
    cancelled_at: nullableDate,
    cancelled_by: z.string().nullable(),
    cancel_reason: z.string().nullable(),
    created_at: isoDate,
    holder: PersonRef.nullable(),
    card: z.strictObject({ id: z.string(), name: z.string(), status: z.string() }).nullable(),
  })
)
export const MembershipAnswer = component("MembershipAnswer", z.strictObject({ membership: AdminMembership }))
export const MembershipGranted = component("MembershipGranted", z.strictObject({ membership: AdminMembership, created: z.boolean() }))
export const MembershipChanged = component("MembershipChanged", z.strictObject({ membership: AdminMembership, changed: z.boolean() }))
export const MembershipList = component(
  "MembershipList",
  z.strictObject({ memberships: z.array(AdminMembership), count: z.number().int(), limit: z.number().int(), offset: z.number().int() })
)
/** By card: the card too (no holder details); by customer: the status alone. */
export const MembershipCheckAnswer = component(
  "MembershipCheckAnswer",
  z.strictObject({
    card: z.strictObject({ id: z.string(), status: z.string(), customer_id: z.string().nullable() }).optional(),
    membership: MembershipCheck,
  })
)
export const CustomerMemberships = component(
  "CustomerMemberships",
  z.strictObject({ membership: MembershipCheck, memberships: z.array(AdminMembership) })
)
export const MembershipImport = component(
  "MembershipImport",
  z.strictObject({
    import: z.strictObject({
      total_rows: z.number().int(),
      imported: z.number().int(),
      already_imported: z.number().int(),
      skipped: z.number().int(),
      customers_created: z.number().int(),
      /** Each skipped line with its reason (modules/membership/lib/member-import.ts). */
      problems: z.array(z.strictObject({ line: z.number().int(), email: z.string().nullable(), reason: z.string() })),
    }),
  })
)

/** modules/membership/types.ts `PlanRecord`. */
export const Plan = component(
  "Plan",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    duration_unit: z.string(),
    duration_count: z.number().int(),
    duration_label: z.string(),
    customer_group_id: z.string().nullable(),
    allow_parallel: z.boolean(),
    archived_at: nullableDate,
    variant_ids: z.array(z.string()),
    created_at: isoDate,
  })
)
export const PlanAnswer = component("PlanAnswer", z.strictObject({ plan: Plan }))
export const PlanList = component("PlanList", z.strictObject({ plans: z.array(Plan) }))
