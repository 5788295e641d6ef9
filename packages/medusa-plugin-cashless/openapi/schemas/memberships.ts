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
