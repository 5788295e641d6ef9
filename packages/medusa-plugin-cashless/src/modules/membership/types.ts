import type { DurationUnit } from "./lib/duration"

export type MembershipModuleOptions = {
  /** The shop's time zone: where days, months and years begin and end. Default Europe/Paris. */
  timeZone?: string
  /** Days before a membership ends when `cashless.membership.expiring` is sent. Default 14; 0 sends none. */
  membershipReminderDays?: number
}

export type MembershipSource = "order" | "till" | "admin" | "import"
export type ValidityStatus = "valid" | "expired" | "none"
/** A membership row as staff see it: cancelled, or where now falls relative to its dates. */
export type MembershipState = "valid" | "expired" | "upcoming" | "cancelled"

export type PlanRecord = {
  id: string
  name: string
  description: string | null
  duration_unit: DurationUnit
  duration_count: number
  /** "calendar year (to 31 December)", "3 days", … */
  duration_label: string
  customer_group_id: string | null
  allow_parallel: boolean
  archived_at: string | null
  variant_ids: string[]
  created_at: string
}

export type PlanInput = {
  name: string
  description?: string | null
  duration_unit: DurationUnit
  duration_count?: number
  customer_group_id?: string | null
  allow_parallel?: boolean
  variant_ids?: string[]
}

export type PlanUpdate = Partial<PlanInput> & { archived?: boolean }

export type MembershipRecord = {
  id: string
  plan_id: string
  plan_name: string
  customer_id: string | null
  wallet_id: string | null
  starts_at: string
  ends_at: string | null
  periods: number
  status: "active" | "cancelled"
  state: MembershipState
  source: MembershipSource
  source_ref: string
  created_by: string | null
  note: string | null
  cancelled_at: string | null
  cancelled_by: string | null
  cancel_reason: string | null
  created_at: string
}

export type Holder = { customer_id: string; wallet_id?: never } | { wallet_id: string; customer_id?: never }

export type GrantInput = {
  plan_id: string
  customer_id?: string | null
  wallet_id?: string | null
  /** Number of periods bought (an order line's quantity). Default 1. */
  periods?: number
  source: MembershipSource
  source_ref: string
  /** Explicit dates (admin, import). Without them the plan's rule decides, from now or the current end. */
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  note?: string | null
  actor?: string | null
  now?: Date
}

export type GrantResult = { membership: MembershipRecord; created: boolean }

export type PlanValidity = {
  plan: { id: string; name: string; customer_group_id: string | null }
  status: ValidityStatus
  starts_at: string | null
  ends_at: string | null
  upcoming_starts_at: string | null
}

/** The answer to "is this person a member?" — the best of their plans, and each plan. */
export type MembershipCheck = {
  status: ValidityStatus
  plan: { id: string; name: string; customer_group_id: string | null } | null
  starts_at: string | null
  ends_at: string | null
  upcoming_starts_at: string | null
  plans: PlanValidity[]
}

export type MembershipFilters = {
  state?: MembershipState
  plan_id?: string
  customer_ids?: string[]
  wallet_id?: string
  source?: MembershipSource
  source_refs?: string[]
  limit?: number
  offset?: number
}

/** For the customer-group sync: who should be in which group right now. */
export type GroupTarget = { customer_id: string; customer_group_id: string; member: boolean }
