import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { pagedRows, raw } from "../../lib/sql"
import { DEFAULT_TIME_ZONE, DURATION_UNITS, isTimeZone, periodEnd } from "./lib/duration"
import { MembershipError } from "./lib/errors"
import {
  findMembership,
  findPlanRows,
  lockHolderPlan,
  MEMBERSHIP_COLUMNS,
  toMembership,
  toPeriod,
} from "./lib/membership-store"
import { best, runEnd, validity } from "./lib/validity"
import { CashlessMembership, CashlessMembershipPlan, CashlessMembershipPlanVariant } from "./models"
import type {
  GrantInput,
  GrantResult,
  GroupTarget,
  Holder,
  MembershipCheck,
  MembershipFilters,
  MembershipModuleOptions,
  MembershipRecord,
  PlanInput,
  PlanRecord,
  PlanUpdate,
  PlanValidity,
} from "./types"

type TransactionContext = Context & { transactionManager?: unknown }
type Row = Record<string, unknown>

const LOCK_TIMEOUT_MS = 5000
const MAX_PERIODS = 100

function toDate(value: Date | string, field: string): Date {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(+date)) throw MembershipError.invalid(`${field} is not a date: "${String(value)}".`)
  return date
}

function holderKey(input: { customer_id?: string | null; wallet_id?: string | null }): Holder {
  const customer = input.customer_id?.trim() || null
  const wallet = input.wallet_id?.trim() || null
  if (!!customer === !!wallet) {
    throw MembershipError.invalid("A membership belongs to a customer or to an anonymous card's wallet: give exactly one.")
  }
  return customer ? { customer_id: customer } : { wallet_id: wallet! }
}

/** The database refused a plan's variant: it already sells another plan. */
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "23505"

export default class MembershipModuleService extends MedusaService({
  CashlessMembershipPlan,
  CashlessMembershipPlanVariant,
  CashlessMembership,
}) {
  protected readonly options_: Required<MembershipModuleOptions>

  constructor(deps: Record<string, unknown>, options: MembershipModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    const zone = options.timeZone || DEFAULT_TIME_ZONE
    if (!isTimeZone(zone)) {
      throw new Error(`medusa-plugin-cashless: timeZone "${zone}" is not an IANA time zone (e.g. Europe/Paris).`)
    }
    const days = options.membershipReminderDays ?? 14
    this.options_ = { timeZone: zone, membershipReminderDays: Number.isInteger(days) && days >= 0 ? days : 14 }
  }

  get settings(): Readonly<Required<MembershipModuleOptions>> {
    return this.options_
  }

  // ---------------------------------------------------------------- plans

  async listPlanRecords(@MedusaContext() ctx: Context = {}): Promise<PlanRecord[]> {
    return this.transact_((trx) => findPlanRows(trx, null), ctx)
  }

  async retrievePlan(id: string, @MedusaContext() ctx: Context = {}): Promise<PlanRecord> {
    const [plan] = await this.transact_((trx) => findPlanRows(trx, [id]), ctx)
    if (!plan) throw MembershipError.planNotFound(id)
    return plan
  }

  /** Plans sold by these variants, by variant id. */
  async plansForVariants(variantIds: string[], @MedusaContext() ctx: Context = {}): Promise<Map<string, PlanRecord>> {
    if (!variantIds.length) return new Map()
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select variant_id, plan_id from cashless_membership_plan_variant where variant_id = any(?) and deleted_at is null`,
        [variantIds]
      )
      const plans = await findPlanRows(trx, [...new Set(rows.map((r: Row) => String(r.plan_id)))])
      const byId = new Map(plans.map((p) => [p.id, p]))
      return new Map(rows.map((r: Row) => [String(r.variant_id), byId.get(String(r.plan_id))!]))
    }, ctx)
  }

  async createPlan(input: PlanInput, @MedusaContext() ctx: Context = {}): Promise<PlanRecord> {
    const data = this.planFields_(input)
    return this.transact_(async (trx) => {
      const id = generateEntityId(undefined, "mplan")
      try {
        await raw(
          trx,
          `insert into cashless_membership_plan (id, name, description, duration_unit, duration_count, customer_group_id, allow_parallel)
           values (?, ?, ?, ?, ?, ?, ?)`,
          [id, data.name, data.description ?? null, data.duration_unit, data.duration_count ?? 1, data.customer_group_id ?? null, data.allow_parallel ?? false]
        )
      } catch (err) {
        if (isUniqueViolation(err)) throw MembershipError.invalid(`A plan named "${data.name}" already exists: choose another name.`)
        throw err
      }
      await this.setVariants_(trx, id, input.variant_ids ?? [])
      return (await findPlanRows(trx, [id]))[0]
    }, ctx)
  }

  async updatePlan(id: string, update: PlanUpdate, @MedusaContext() ctx: Context = {}): Promise<PlanRecord> {
    return this.transact_(async (trx) => {
      const [current] = await findPlanRows(trx, [id])
      if (!current) throw MembershipError.planNotFound(id)
      const data = this.planFields_({ ...current, ...update } as PlanInput)
      const archivedAt = update.archived === undefined ? current.archived_at : update.archived ? (current.archived_at ?? new Date().toISOString()) : null
      try {
        await raw(
          trx,
          `update cashless_membership_plan
              set name = ?, description = ?, duration_unit = ?, duration_count = ?, customer_group_id = ?,
                  allow_parallel = ?, archived_at = ?, updated_at = now()
            where id = ?`,
          [data.name, data.description ?? null, data.duration_unit, data.duration_count ?? 1, data.customer_group_id ?? null, data.allow_parallel ?? false, archivedAt, id]
        )
      } catch (err) {
        if (isUniqueViolation(err)) throw MembershipError.invalid(`A plan named "${data.name}" already exists: choose another name.`)
        throw err
      }
      if (update.variant_ids) await this.setVariants_(trx, id, update.variant_ids)
      return (await findPlanRows(trx, [id]))[0]
    }, ctx)
  }

  // ---------------------------------------------------------------- memberships

  async retrieveMembership(id: string, @MedusaContext() ctx: Context = {}): Promise<MembershipRecord> {
    const found = await this.transact_((trx) => findMembership(trx, id, new Date()), ctx)
    if (!found) throw MembershipError.notFound(id)
    return found
  }

  /**
   * Grants (or renews) a membership, once per `(source, source_ref)`: a replay with the same
   * holder, plan and periods returns the first grant; a different one is refused. Without explicit
   * dates, a plan that does not run in parallel renews from the end of the holder's current run.
   */
  async grant(input: GrantInput, @MedusaContext() ctx: Context = {}): Promise<GrantResult> {
    const holder = holderKey(input)
    const periods = input.periods ?? 1
    if (!Number.isInteger(periods) || periods < 1 || periods > MAX_PERIODS) {
      throw MembershipError.invalid(`periods must be a whole number from 1 to ${MAX_PERIODS}, got ${periods}.`)
    }
    const ref = input.source_ref?.trim()
    if (!ref) throw MembershipError.invalid("A grant needs a source reference (order line, sale or idempotency key).")
    const now = input.now ?? new Date()
    return this.transact_(async (trx) => {
      const [plan] = await findPlanRows(trx, [input.plan_id])
      if (!plan) throw MembershipError.planNotFound(input.plan_id)
      const holderId = holder.customer_id ?? holder.wallet_id!
      await lockHolderPlan(trx, holderId, plan.id, LOCK_TIMEOUT_MS)

      const replay = await this.sameGrant_(trx, input.source, ref, plan.id, holder, periods, now)
      if (replay) return { membership: replay, created: false }
      // A paid order grants even when the plan was archived since; staff and imports may not.
      if (plan.archived_at && input.source !== "order" && input.source !== "till") throw MembershipError.archived(plan.name)

      let start: Date
      let end: Date | null
      if (input.starts_at) {
        start = toDate(input.starts_at, "starts_at")
        end = input.ends_at === undefined ? periodEnd(start, this.rule_(plan), periods, this.options_.timeZone) : input.ends_at === null ? null : toDate(input.ends_at, "ends_at")
      } else {
        start = now
        if (!plan.allow_parallel) {
          const { rows } = await raw(
            trx,
            `select starts_at, ends_at, status from cashless_membership
              where plan_id = ? and ${holder.customer_id ? "customer_id" : "wallet_id"} = ? and deleted_at is null`,
            [plan.id, holderId]
          )
          // A running lifetime membership has no end to renew from: the new one simply starts now.
          start = runEnd(rows.map(toPeriod), now) ?? now
        }
        end = input.ends_at ? toDate(input.ends_at, "ends_at") : periodEnd(start, this.rule_(plan), periods, this.options_.timeZone)
      }
      if (end && end <= start) throw MembershipError.invalid("The end of a membership must come after its start.")

      const id = generateEntityId(undefined, "mship")
      const { rows } = await raw(
        trx,
        `insert into cashless_membership (id, plan_id, customer_id, wallet_id, starts_at, ends_at, periods, source, source_ref, created_by, note)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (source, source_ref) do nothing returning id`,
        [id, plan.id, holder.customer_id ?? null, holder.wallet_id ?? null, start, end, periods, input.source, ref, input.actor ?? null, input.note?.trim() || null]
      )
      if (!rows.length) {
        // Same reference granted concurrently for another holder or plan: the first one stands.
        const other = await this.sameGrant_(trx, input.source, ref, plan.id, holder, periods, now)
        if (other) return { membership: other, created: false }
      }
      return { membership: (await findMembership(trx, id, now))!, created: true }
    }, ctx)
  }

  /** Undoes a grant this workflow just made (compensation): nothing refers to it yet. */
  async removeGrant(id: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_((trx) => raw(trx, `delete from cashless_membership where id = ?`, [id]), ctx)
  }

  /** Cancels with a reason; cancelling again changes nothing. */
  async cancel(
    id: string,
    reason: string,
    actor: string | null = null,
    @MedusaContext() ctx: Context = {}
  ): Promise<{ membership: MembershipRecord; changed: boolean }> {
    const why = reason?.trim()
    if (!why) throw MembershipError.invalid("Say why the membership is cancelled (the reason is kept with it).")
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `update cashless_membership set status = 'cancelled', cancelled_at = now(), cancelled_by = ?, cancel_reason = ?, updated_at = now()
          where id = ? and status = 'active' and deleted_at is null returning id`,
        [actor, why, id]
      )
      const membership = await findMembership(trx, id, new Date())
      if (!membership) throw MembershipError.notFound(id)
      return { membership, changed: rows.length > 0 }
    }, ctx)
  }

  async restoreCancelled(id: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_(
      (trx) =>
        raw(
          trx,
          `update cashless_membership set status = 'active', cancelled_at = null, cancelled_by = null, cancel_reason = null, updated_at = now()
            where id = ?`,
          [id]
        ),
      ctx
    )
  }

  /** Valid / expired / none for a holder: the best plan, and each plan they ever had. */
  async check(holder: Holder, now: Date = new Date(), @MedusaContext() ctx: Context = {}): Promise<MembershipCheck> {
    const key = holderKey(holder)
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select m.starts_at, m.ends_at, m.status, m.plan_id, p.name as plan_name, p.customer_group_id
           from cashless_membership m join cashless_membership_plan p on p.id = m.plan_id
          where m.${key.customer_id ? "customer_id" : "wallet_id"} = ? and m.deleted_at is null`,
        [key.customer_id ?? key.wallet_id]
      )
      return this.summarize_(rows, now)
    }, ctx)
  }

  async listMembershipRecords(
    filters: MembershipFilters = {},
    now: Date = new Date(),
    @MedusaContext() ctx: Context = {}
  ): Promise<{ memberships: MembershipRecord[]; count: number }> {
    const limit = Math.min(Math.max(filters.limit ?? 20, 1), 10_000)
    const offset = Math.max(filters.offset ?? 0, 0)
    const where = ["m.deleted_at is null"]
    const bindings: unknown[] = []
    switch (filters.state) {
      case "valid":
        where.push("m.status = 'active' and m.starts_at <= ? and (m.ends_at is null or m.ends_at > ?)")
        bindings.push(now, now)
        break
      case "expired":
        where.push("m.status = 'active' and m.ends_at <= ?")
        bindings.push(now)
        break
      case "upcoming":
        where.push("m.status = 'active' and m.starts_at > ?")
        bindings.push(now)
        break
      case "cancelled":
        where.push("m.status = 'cancelled'")
        break
    }
    if (filters.plan_id) {
      where.push("m.plan_id = ?")
      bindings.push(filters.plan_id)
    }
    if (filters.source) {
      where.push("m.source = ?")
      bindings.push(filters.source)
    }
    if (filters.source_refs) {
      where.push("m.source_ref = any(?)")
      bindings.push(filters.source_refs)
    }
    if (filters.customer_ids) {
      where.push("m.customer_id = any(?)")
      bindings.push(filters.customer_ids)
    }
    if (filters.wallet_id) {
      where.push("m.wallet_id = ?")
      bindings.push(filters.wallet_id)
    }
    return this.transact_(async (trx) => {
      const { rows, count } = await pagedRows(
        trx,
        {
          columns: MEMBERSHIP_COLUMNS,
          from: "cashless_membership m join cashless_membership_plan p on p.id = m.plan_id",
          where: where.join(" and "),
          orderBy: "m.starts_at desc, m.id",
        },
        bindings,
        limit,
        offset
      )
      return { memberships: rows.map((r: Row) => toMembership(r, now)), count }
    }, ctx)
  }

  /** Binding a card: its anonymous memberships become the customer's. Returns what moved. */
  async moveWalletMemberships(
    walletId: string,
    customerId: string,
    @MedusaContext() ctx: Context = {}
  ): Promise<string[]> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `update cashless_membership set customer_id = ?, wallet_id = null, updated_at = now()
          where wallet_id = ? and deleted_at is null returning id`,
        [customerId, walletId]
      )
      return rows.map((r: Row) => String(r.id))
    }, ctx)
  }

  /** A voided card's wallet is given up: the memberships it held end, with the reason. Returns those ended. */
  async cancelWalletMemberships(
    walletId: string,
    reason: string,
    actor: string | null = null,
    @MedusaContext() ctx: Context = {}
  ): Promise<string[]> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `update cashless_membership set status = 'cancelled', cancelled_at = now(), cancelled_by = ?, cancel_reason = ?, updated_at = now()
          where wallet_id = ? and status = 'active' and deleted_at is null returning id`,
        [actor, reason, walletId]
      )
      return rows.map((r: Row) => String(r.id))
    }, ctx)
  }

  async restoreWalletMemberships(ids: string[], walletId: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    if (!ids.length) return
    await this.transact_(
      (trx) =>
        raw(trx, `update cashless_membership set wallet_id = ?, customer_id = null, updated_at = now() where id = any(?)`, [walletId, ids]),
      ctx
    )
  }

  /**
   * Who should be in each plan's customer group now: a customer with a valid membership of a
   * plan is in its group; one whose memberships of every plan of that group lapsed is not.
   * Customers put in a group by hand, with no membership of its plans, are left alone.
   */
  async groupTargets(
    customerIds: string[] | null,
    now: Date = new Date(),
    @MedusaContext() ctx: Context = {}
  ): Promise<GroupTarget[]> {
    if (customerIds && !customerIds.length) return []
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select m.customer_id, p.customer_group_id, m.plan_id, m.starts_at, m.ends_at, m.status
           from cashless_membership m join cashless_membership_plan p on p.id = m.plan_id
          where m.customer_id is not null and p.customer_group_id is not null and m.deleted_at is null
            ${customerIds ? "and m.customer_id = any(?)" : ""}`,
        customerIds ? [customerIds] : []
      )
      const byPlan = new Map<string, { customer_id: string; group: string; rows: Row[] }>()
      for (const r of rows) {
        const key = `${r.customer_id}|${r.plan_id}`
        const entry = byPlan.get(key) ?? { customer_id: String(r.customer_id), group: String(r.customer_group_id), rows: [] }
        entry.rows.push(r)
        byPlan.set(key, entry)
      }
      const byGroup = new Map<string, GroupTarget>()
      for (const { customer_id, group, rows: planRows } of byPlan.values()) {
        const member = validity(planRows.map(toPeriod), now).status === "valid"
        const key = `${customer_id}|${group}`
        const prior = byGroup.get(key)
        byGroup.set(key, { customer_id, customer_group_id: group, member: (prior?.member ?? false) || member })
      }
      return [...byGroup.values()]
    }, ctx)
  }

  /**
   * Claims the memberships whose holder should hear that they end within the reminder window:
   * not cancelled, not already renewed, not reminded yet. Each row is claimed once, even by two
   * workers at the same time.
   */
  async claimReminders(now: Date = new Date(), @MedusaContext() ctx: Context = {}): Promise<MembershipRecord[]> {
    const days = this.options_.membershipReminderDays
    if (days <= 0) return []
    const until = new Date(+now + days * 86_400_000)
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `with due as (
           select m.id from cashless_membership m
            where m.status = 'active' and m.customer_id is not null and m.reminded_at is null and m.deleted_at is null
              and m.ends_at > ? and m.ends_at <= ?
              and not exists (
                select 1 from cashless_membership n
                 where n.customer_id = m.customer_id and n.plan_id = m.plan_id and n.id <> m.id
                   and n.status = 'active' and n.deleted_at is null
                   and n.starts_at <= m.ends_at and (n.ends_at is null or n.ends_at > m.ends_at))
            for update of m skip locked)
         update cashless_membership set reminded_at = ? from due where cashless_membership.id = due.id
         returning cashless_membership.id`,
        [now, until, now]
      )
      if (!rows.length) return []
      const { rows: full } = await raw(
        trx,
        `select ${MEMBERSHIP_COLUMNS} from cashless_membership m join cashless_membership_plan p on p.id = m.plan_id
          where m.id = any(?) order by m.ends_at`,
        [rows.map((r: Row) => r.id)]
      )
      return full.map((r: Row) => toMembership(r, now))
    }, ctx)
  }

  // ---------------------------------------------------------------- helpers

  private summarize_(rows: Row[], now: Date): MembershipCheck {
    const byPlan = new Map<string, Row[]>()
    for (const r of rows) byPlan.set(String(r.plan_id), [...(byPlan.get(String(r.plan_id)) ?? []), r])
    const plans: PlanValidity[] = [...byPlan.values()].map((planRows) => {
      const v = validity(planRows.map(toPeriod), now)
      const first = planRows[0]
      return {
        plan: { id: String(first.plan_id), name: String(first.plan_name), customer_group_id: (first.customer_group_id as string | null) ?? null },
        status: v.status,
        starts_at: v.starts_at?.toISOString() ?? null,
        ends_at: v.ends_at?.toISOString() ?? null,
        upcoming_starts_at: v.upcoming_starts_at?.toISOString() ?? null,
      }
    })
    const toValidity = (p: PlanValidity) => ({
      ...p,
      starts_at: p.starts_at ? new Date(p.starts_at) : null,
      ends_at: p.ends_at ? new Date(p.ends_at) : null,
      upcoming_starts_at: p.upcoming_starts_at ? new Date(p.upcoming_starts_at) : null,
    })
    const top = best(plans.map(toValidity))
    const pick = top ? plans.find((p) => p.plan.id === top.plan.id)! : null
    plans.sort((a, b) => a.plan.name.localeCompare(b.plan.name))
    return {
      status: pick?.status ?? "none",
      plan: pick && pick.status !== "none" ? pick.plan : null,
      starts_at: pick?.starts_at ?? null,
      ends_at: pick?.ends_at ?? null,
      upcoming_starts_at: plans.map((p) => p.upcoming_starts_at).filter(Boolean).sort()[0] ?? null,
      plans,
    }
  }

  private async sameGrant_(
    trx: Knex,
    source: string,
    ref: string,
    planId: string,
    holder: Holder,
    periods: number,
    now: Date
  ): Promise<MembershipRecord | null> {
    const { rows } = await raw(
      trx,
      `select ${MEMBERSHIP_COLUMNS} from cashless_membership m join cashless_membership_plan p on p.id = m.plan_id
        where m.source = ? and m.source_ref = ?`,
      [source, ref]
    )
    if (!rows.length) return null
    const found = toMembership(rows[0], now)
    // A card bound since the first grant moved it to the customer: still the same grant.
    const sameHolder =
      (holder.customer_id && found.customer_id === holder.customer_id) ||
      (holder.wallet_id && (found.wallet_id === holder.wallet_id || found.wallet_id === null))
    if (found.plan_id !== planId || !sameHolder || found.periods !== periods) throw MembershipError.idempotencyConflict(ref)
    return found
  }

  private rule_(plan: PlanRecord) {
    return { unit: plan.duration_unit, count: plan.duration_count }
  }

  private planFields_(input: PlanInput): PlanInput {
    const name = input.name?.trim()
    if (!name) throw MembershipError.invalid("A plan needs a name, e.g. \"Membership 2027\".")
    if (!DURATION_UNITS.includes(input.duration_unit)) {
      throw MembershipError.invalid(`duration_unit must be one of ${DURATION_UNITS.join(", ")}.`)
    }
    const count = input.duration_count ?? 1
    if (!Number.isInteger(count) || count < 1 || count > 1000) {
      throw MembershipError.invalid("duration_count must be a whole number from 1 to 1000.")
    }
    return { ...input, name, duration_count: count, description: input.description?.trim() || null }
  }

  private async setVariants_(trx: Knex, planId: string, variantIds: string[]): Promise<void> {
    const wanted = [...new Set(variantIds.map((v) => v.trim()).filter(Boolean))]
    const { rows: taken } = await raw(
      trx,
      `select v.variant_id, p.name from cashless_membership_plan_variant v join cashless_membership_plan p on p.id = v.plan_id
        where v.variant_id = any(?) and v.plan_id <> ? and v.deleted_at is null`,
      [wanted, planId]
    )
    if (taken.length) throw MembershipError.variantTaken(String(taken[0].variant_id), String(taken[0].name))
    await raw(
      trx,
      `delete from cashless_membership_plan_variant where plan_id = ? and not (variant_id = any(?))`,
      [planId, wanted]
    )
    for (const variantId of wanted) {
      try {
        await raw(
          trx,
          `insert into cashless_membership_plan_variant (id, variant_id, plan_id) values (?, ?, ?)
           on conflict do nothing`,
          [generateEntityId(undefined, "mplanv"), variantId, planId]
        )
      } catch (err) {
        if (isUniqueViolation(err)) throw MembershipError.invalid(`Variant ${variantId} already sells another plan.`)
        throw err
      }
    }
  }

  private trxOf_(ctx: TransactionContext): Knex {
    const manager = ctx.transactionManager as { getTransactionContext(): Knex | undefined; getKnex(): Knex }
    return manager.getTransactionContext() ?? manager.getKnex()
  }

  @InjectTransactionManager()
  protected async transact_<T>(work: (trx: Knex) => Promise<T>, @MedusaContext() ctx: Context = {}): Promise<T> {
    return work(this.trxOf_(ctx))
  }
}
