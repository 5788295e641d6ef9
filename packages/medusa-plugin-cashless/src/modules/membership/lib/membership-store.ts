import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { raw } from "../../../lib/sql"
import type { DurationUnit } from "./duration"
import { describeRule } from "./duration"
import type { Period } from "./validity"
import type { MembershipRecord, MembershipState, PlanRecord } from "../types"

type Row = Record<string, unknown>

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString())

export function toPlan(row: Row, variantIds: string[] = []): PlanRecord {
  const unit = row.duration_unit as DurationUnit
  const count = Number(row.duration_count)
  return {
    id: String(row.id),
    name: String(row.name),
    description: (row.description as string | null) ?? null,
    duration_unit: unit,
    duration_count: count,
    duration_label: describeRule({ unit, count }),
    customer_group_id: (row.customer_group_id as string | null) ?? null,
    allow_parallel: Boolean(row.allow_parallel),
    archived_at: iso(row.archived_at),
    variant_ids: variantIds,
    created_at: iso(row.created_at)!,
  }
}

export function stateOf(row: { status: string; starts_at: Date; ends_at: Date | null }, now: Date): MembershipState {
  if (row.status === "cancelled") return "cancelled"
  if (row.starts_at > now) return "upcoming"
  if (row.ends_at !== null && row.ends_at <= now) return "expired"
  return "valid"
}

export function toMembership(row: Row, now: Date): MembershipRecord {
  const starts = new Date(row.starts_at as string)
  const ends = row.ends_at == null ? null : new Date(row.ends_at as string)
  return {
    id: String(row.id),
    plan_id: String(row.plan_id),
    plan_name: String(row.plan_name ?? ""),
    customer_id: (row.customer_id as string | null) ?? null,
    wallet_id: (row.wallet_id as string | null) ?? null,
    starts_at: starts.toISOString(),
    ends_at: ends?.toISOString() ?? null,
    periods: Number(row.periods),
    status: row.status as MembershipRecord["status"],
    state: stateOf({ status: String(row.status), starts_at: starts, ends_at: ends }, now),
    source: row.source as MembershipRecord["source"],
    source_ref: String(row.source_ref),
    created_by: (row.created_by as string | null) ?? null,
    note: (row.note as string | null) ?? null,
    cancelled_at: iso(row.cancelled_at),
    cancelled_by: (row.cancelled_by as string | null) ?? null,
    cancel_reason: (row.cancel_reason as string | null) ?? null,
    created_at: iso(row.created_at)!,
  }
}

export const toPeriod = (row: Row): Period => ({
  starts_at: new Date(row.starts_at as string),
  ends_at: row.ends_at == null ? null : new Date(row.ends_at as string),
  cancelled: row.status === "cancelled",
})

export async function findPlanRows(trx: Knex, ids: string[] | null): Promise<PlanRecord[]> {
  const { rows } = await raw(
    trx,
    `select p.*, coalesce(array_agg(v.variant_id order by v.created_at) filter (where v.id is not null), '{}') as variant_ids
       from cashless_membership_plan p
       left join cashless_membership_plan_variant v on v.plan_id = p.id and v.deleted_at is null
      where p.deleted_at is null ${ids ? "and p.id = any(?)" : ""}
      group by p.id
      order by p.archived_at nulls first, p.name`,
    ids ? [ids] : []
  )
  return rows.map((r: Row) => toPlan(r, r.variant_ids as string[]))
}

export const MEMBERSHIP_COLUMNS = `m.*, p.name as plan_name, p.customer_group_id`

export async function findMembership(trx: Knex, id: string, now: Date): Promise<MembershipRecord | null> {
  const { rows } = await raw(
    trx,
    `select ${MEMBERSHIP_COLUMNS} from cashless_membership m join cashless_membership_plan p on p.id = m.plan_id
      where m.id = ? and m.deleted_at is null`,
    [id]
  )
  return rows.length ? toMembership(rows[0], now) : null
}

/** Serializes grants for one holder and plan, so that two renewals chain instead of overlapping. */
export async function lockHolderPlan(trx: Knex, holder: string, planId: string, timeoutMs: number): Promise<void> {
  await raw(trx, `select set_config('lock_timeout', ?, true)`, [`${timeoutMs}ms`])
  await raw(trx, `select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`cashless_membership:${holder}:${planId}`])
}
