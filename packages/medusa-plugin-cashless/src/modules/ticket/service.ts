import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { pagedRows, raw } from "../../lib/sql"
import { TicketError } from "./lib/errors"
import { newTicketSecret } from "./lib/secret"
import { countTickets, findEvents, findTickets, TICKET_COLUMNS, TICKET_FROM, toTicket } from "./lib/ticket-store"
import { CashlessTicket, CashlessTicketEvent } from "./models"
import type {
  CheckInInput,
  CheckInOutcome,
  CheckInResult,
  IssueLine,
  StoreTicketView,
  TicketEventInput,
  TicketEventRecord,
  TicketEventUpdate,
  TicketFilters,
  TicketModuleOptions,
  TicketRecord,
  TicketStatus,
} from "./types"

type TransactionContext = Context & { transactionManager?: unknown }

export const DEFAULT_TICKET_URL = "http://localhost:9000/cashless/tickets/{secret}"
const MAX_UNITS_PER_LINE = 500
const LOCK_TIMEOUT_MS = 5000

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "23505"

function toDate(value: Date | string, field: string): Date {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(+date)) throw TicketError.invalid(`${field} is not a date: "${String(value)}".`)
  return date
}

function checkCapacity(capacity: number) {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 1_000_000) {
    throw TicketError.invalid(`capacity must be a whole number from 0 to 1000000, got ${capacity}.`)
  }
}

export default class TicketModuleService extends MedusaService({ CashlessTicketEvent, CashlessTicket }) {
  protected readonly options_: Required<TicketModuleOptions>

  constructor(deps: Record<string, unknown>, options: TicketModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    const url = options.ticketUrl || DEFAULT_TICKET_URL
    if (!url.includes("{secret}")) throw new Error(`medusa-plugin-cashless: ticketUrl "${url}" must contain {secret}.`)
    this.options_ = { ticketUrl: url, timeZone: options.timeZone || "Europe/Paris" }
  }

  get settings(): Readonly<Required<TicketModuleOptions>> {
    return this.options_
  }

  pageUrl(secret: string): string {
    return this.options_.ticketUrl.replace("{secret}", encodeURIComponent(secret))
  }

  // ---------------------------------------------------------------- events

  async listEventRecords(filter: { archived?: boolean } = {}, @MedusaContext() ctx: Context = {}): Promise<TicketEventRecord[]> {
    return this.transact_((trx) => findEvents(trx, filter.archived ? "true" : "archived_at is null", []), ctx)
  }

  async retrieveEvent(id: string, @MedusaContext() ctx: Context = {}): Promise<TicketEventRecord> {
    const [event] = await this.transact_((trx) => findEvents(trx, "id = ?", [id]), ctx)
    if (!event) throw TicketError.eventNotFound(id)
    return event
  }

  /** An event's facts without its counts (cheap): what a door needs before a scan. */
  async retrieveEventFacts(id: string, @MedusaContext() ctx: Context = {}): Promise<Omit<TicketEventRecord, "counts">> {
    const [event] = await this.transact_((trx) => findEvents(trx, "id = ?", [id], { counts: false }), ctx)
    if (!event) throw TicketError.eventNotFound(id)
    const { counts: _counts, ...facts } = event
    return facts
  }

  /** The events whose tickets these products sell, by product id (archived ones included). */
  async eventsForProducts(productIds: string[], @MedusaContext() ctx: Context = {}): Promise<Map<string, TicketEventRecord>> {
    const ids = [...new Set(productIds.filter(Boolean))]
    if (!ids.length) return new Map()
    const events = await this.transact_((trx) => findEvents(trx, "product_id = any(?)", [ids]), ctx)
    return new Map(events.map((e) => [e.product_id, e]))
  }

  async createEvent(input: TicketEventInput, @MedusaContext() ctx: Context = {}): Promise<TicketEventRecord> {
    const fields = this.eventFields_(input)
    return this.transact_(async (trx) => {
      const taken = await findEvents(trx, "product_id = ?", [input.product_id])
      if (taken[0]) throw TicketError.productTaken(input.product_id, taken[0].name)
      const id = generateEntityId(undefined, "tevt")
      try {
        await raw(
          trx,
          `insert into cashless_ticket_event (id, name, venue, starts_at, ends_at, capacity, product_id) values (?, ?, ?, ?, ?, ?, ?)`,
          [id, fields.name, fields.venue, fields.starts_at, fields.ends_at, fields.capacity, input.product_id]
        )
      } catch (err) {
        if (isUniqueViolation(err)) throw TicketError.productTaken(input.product_id, "another event")
        throw err
      }
      return (await findEvents(trx, "id = ?", [id]))[0]
    }, ctx)
  }

  async updateEvent(id: string, update: TicketEventUpdate, @MedusaContext() ctx: Context = {}): Promise<TicketEventRecord> {
    return this.transact_(async (trx) => {
      const [current] = await findEvents(trx, "id = ?", [id])
      if (!current) throw TicketError.eventNotFound(id)
      const fields = this.eventFields_({ ...current, ...update, product_id: current.product_id } as TicketEventInput)
      const sold = current.counts.valid + current.counts.checked_in
      if (fields.capacity < sold) {
        throw TicketError.invalid(`${sold} tickets of "${current.name}" are sold and not cancelled: the capacity cannot go below ${sold}.`)
      }
      const archivedAt =
        update.archived === undefined ? current.archived_at : update.archived ? (current.archived_at ?? new Date().toISOString()) : null
      await raw(
        trx,
        `update cashless_ticket_event
            set name = ?, venue = ?, starts_at = ?, ends_at = ?, capacity = ?, archived_at = ?,
                inventory_item_id = ?, stock_location_id = ?, updated_at = now()
          where id = ?`,
        [
          fields.name,
          fields.venue,
          fields.starts_at,
          fields.ends_at,
          fields.capacity,
          archivedAt,
          update.inventory_item_id === undefined ? current.inventory_item_id : update.inventory_item_id,
          update.stock_location_id === undefined ? current.stock_location_id : update.stock_location_id,
          id,
        ]
      )
      return (await findEvents(trx, "id = ?", [id]))[0]
    }, ctx)
  }

  /** Compensation of a creation that failed further on: the row never sold anything. */
  async discardEvent(id: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_((trx) => raw(trx, `delete from cashless_ticket_event where id = ? and not exists (select 1 from cashless_ticket where event_id = ?)`, [id, id]), ctx)
  }

  // ---------------------------------------------------------------- issuing

  /**
   * One ticket per unit of each line, once: `(line_item_id, unit_index)` is unique, so a replayed
   * capture (or two workers at once) inserts nothing more. Answers every ticket of the lines and
   * which ones this call created.
   */
  async issueTickets(lines: IssueLine[], @MedusaContext() ctx: Context = {}): Promise<{ tickets: TicketRecord[]; created_ids: string[] }> {
    if (!lines.length) return { tickets: [], created_ids: [] }
    return this.transact_(async (trx) => {
      const created: string[] = []
      for (const line of lines) {
        if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_UNITS_PER_LINE) {
          throw TicketError.invalid(`Line ${line.line_item_id} asks for ${line.quantity} tickets: from 1 to ${MAX_UNITS_PER_LINE} per line.`)
        }
        for (let unit = 0; unit < line.quantity; unit++) {
          const { rows } = await raw(
            trx,
            `insert into cashless_ticket (id, event_id, variant_id, type_title, holder_name, holder_email, customer_id, order_id, line_item_id, unit_index, secret)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             on conflict (line_item_id, unit_index) do nothing returning id`,
            [
              generateEntityId(undefined, "tkt"),
              line.event_id,
              line.variant_id,
              line.type_title,
              line.holder_name,
              line.holder_email,
              line.customer_id,
              line.order_id,
              line.line_item_id,
              unit,
              newTicketSecret(),
            ]
          )
          if (rows[0]) created.push(String(rows[0].id))
        }
      }
      const tickets = await findTickets(trx, "t.line_item_id = any(?)", [lines.map((l) => l.line_item_id)])
      return { tickets, created_ids: created }
    }, ctx)
  }

  /** Compensation only: tickets this very run issued, before anyone could see them. */
  async discardIssued(ids: string[], @MedusaContext() ctx: Context = {}): Promise<void> {
    if (!ids.length) return
    await this.transact_((trx) => raw(trx, `delete from cashless_ticket where id = any(?) and status = 'valid'`, [ids]), ctx)
  }

  // ---------------------------------------------------------------- reading

  async retrieveTicket(id: string, @MedusaContext() ctx: Context = {}): Promise<TicketRecord> {
    const [ticket] = await this.transact_((trx) => findTickets(trx, "t.id = ?", [id]), ctx)
    if (!ticket) throw TicketError.notFound(id)
    return ticket
  }

  async listTicketRecords(filters: TicketFilters = {}, @MedusaContext() ctx: Context = {}): Promise<{ tickets: TicketRecord[]; count: number }> {
    const where: string[] = ["t.deleted_at is null"]
    const bindings: unknown[] = []
    const add = (sql: string, value: unknown) => {
      where.push(sql)
      bindings.push(value)
    }
    if (filters.event_id) add("t.event_id = ?", filters.event_id)
    if (filters.order_id) add("t.order_id = ?", filters.order_id)
    if (filters.customer_id) add("t.customer_id = ?", filters.customer_id)
    if (filters.status) add("t.status = ?", filters.status)
    if (filters.q) {
      const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      where.push("(t.holder_name ilike ? or t.holder_email ilike ? or t.id = ? or t.order_id = ?)")
      bindings.push(like, like, filters.q, filters.q)
    }
    return this.transact_(async (trx) => {
      const { rows, count } = await pagedRows(
        trx,
        { columns: TICKET_COLUMNS, from: TICKET_FROM, where: where.join(" and "), orderBy: "t.created_at desc, t.line_item_id, t.unit_index" },
        bindings,
        filters.limit ?? 50,
        filters.offset ?? 0
      )
      return { tickets: rows.map(toTicket), count }
    }, ctx)
  }

  /** The holder's view (secret and page address): by secret, by ids, by customer or by order. */
  async storeTickets(
    filter: { secret?: string; ids?: string[]; customer_id?: string; order_id?: string },
    @MedusaContext() ctx: Context = {}
  ): Promise<StoreTicketView[]> {
    const where: string[] = []
    const bindings: unknown[] = []
    const add = (sql: string, value: unknown) => {
      where.push(sql)
      bindings.push(value)
    }
    if (filter.secret !== undefined) add("t.secret = ?", filter.secret)
    if (filter.ids) add("t.id = any(?)", filter.ids)
    if (filter.customer_id) add("t.customer_id = ?", filter.customer_id)
    if (filter.order_id) add("t.order_id = ?", filter.order_id)
    // Never everything: a filter is required.
    if (!where.length) return []
    const { rows } = await this.transact_(
      (trx) =>
        raw(
          trx,
          `select t.id, t.status, t.type_title, t.holder_name, t.order_id, t.checked_in_at, t.secret,
                  e.id as event_id, e.name as event_name, e.venue, e.starts_at, e.ends_at
             from ${TICKET_FROM} where t.deleted_at is null and ${where.join(" and ")}
            order by e.starts_at, t.created_at, t.line_item_id, t.unit_index limit 1000`,
          bindings
        ),
      ctx
    )
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id),
      status: r.status as TicketStatus,
      type_title: String(r.type_title),
      holder_name: (r.holder_name as string | null) ?? null,
      order_id: String(r.order_id),
      checked_in_at: r.checked_in_at ? new Date(r.checked_in_at as string).toISOString() : null,
      secret: String(r.secret),
      page_url: this.pageUrl(String(r.secret)),
      event: {
        id: String(r.event_id),
        name: String(r.event_name),
        venue: (r.venue as string | null) ?? null,
        starts_at: new Date(r.starts_at as string).toISOString(),
        ends_at: r.ends_at ? new Date(r.ends_at as string).toISOString() : null,
      },
    }))
  }

  // ---------------------------------------------------------------- the door

  /**
   * Admits a ticket once. The ticket's row is locked, so two doors scanning it at once are
   * answered one after the other: one admitted, one already checked in. A scanner's retry with
   * the same key is answered as the admission it repeats. A card's holder is admitted one ticket
   * per tap; `skip locked` lets two doors admit two of the holder's tickets at once.
   */
  async checkIn(input: CheckInInput, @MedusaContext() ctx: Context = {}): Promise<CheckInResult> {
    if (!!input.secret === !!input.customer_id) throw TicketError.invalid("Check in a ticket by its secret or a card's holder: give exactly one.")
    const key = input.idempotency_key.trim()
    if (!key) throw TicketError.invalid("A check-in needs an idempotency key.")
    return this.transact_(async (trx) => {
      await raw(trx, `set local lock_timeout = '${LOCK_TIMEOUT_MS}ms'`)
      const [event] = await findEvents(trx, "id = ?", [input.event_id], { counts: false })
      if (!event) throw TicketError.eventNotFound(input.event_id)
      const answer = async (outcome: CheckInOutcome, ticket: TicketRecord | null, extra: Partial<CheckInResult> = {}): Promise<CheckInResult> => ({
        outcome,
        ticket,
        event: { id: event.id, name: event.name, capacity: event.capacity },
        ticket_event: null,
        holder_remaining: null,
        counts: (await countTickets(trx, [event.id])).get(event.id)!,
        ...extra,
      })
      const remaining = async (customerId: string | null) => {
        if (!input.customer_id || !customerId) return null
        const { rows } = await raw(
          trx,
          `select count(*)::int as n from cashless_ticket where customer_id = ? and event_id = ? and status = 'valid' and deleted_at is null`,
          [customerId, event.id]
        )
        return Number(rows[0].n)
      }

      const [replay] = await findTickets(trx, "t.checked_in_key = ?", [key])
      if (replay) {
        const same = input.secret ? (await findTickets(trx, "t.secret = ? and t.id = ?", [input.secret, replay.id])).length > 0 : replay.customer_id === input.customer_id
        if (!same || replay.event_id !== event.id) {
          throw new TicketError(MedusaError.Types.CONFLICT, `The key "${key}" already admitted another ticket: use a new key for a new scan.`, "idempotency_conflict")
        }
        return answer("admitted", replay, { holder_remaining: await remaining(replay.customer_id) })
      }

      let candidate: TicketRecord | undefined
      if (input.secret) {
        ;[candidate] = await findTickets(trx, "t.secret = ?", [input.secret], "for update of t")
        if (!candidate) return answer("unknown_ticket", null)
      } else {
        ;[candidate] = await findTickets(
          trx,
          "t.customer_id = ? and t.event_id = ? and t.status = 'valid'",
          [input.customer_id, event.id],
          "limit 1 for update of t skip locked"
        )
        if (!candidate) return this.noTicketOfHolder_(trx, input.customer_id!, event.id, answer)
      }
      if (candidate.event_id !== event.id) {
        return answer("wrong_event", candidate, { ticket_event: { id: candidate.event_id, name: candidate.event_name } })
      }
      if (candidate.status === "checked_in") return answer("already_checked_in", candidate)
      if (candidate.status === "cancelled" || candidate.status === "refunded") return answer(candidate.status, candidate)

      const now = input.now ?? new Date()
      await raw(
        trx,
        `update cashless_ticket set status = 'checked_in', checked_in_at = ?, checked_in_by = ?, checked_in_where = ?, checked_in_key = ?, updated_at = now()
          where id = ? and status = 'valid'`,
        [now, input.actor_id, input.point_of_sale_id, key, candidate.id]
      )
      const [admitted] = await findTickets(trx, "t.id = ?", [candidate.id])
      return answer("admitted", admitted, { holder_remaining: await remaining(admitted.customer_id) })
    }, ctx)
  }

  /** A tapped holder with no valid ticket for this event: say the most useful why. */
  private async noTicketOfHolder_(
    trx: Knex,
    customerId: string,
    eventId: string,
    answer: (outcome: CheckInOutcome, ticket: TicketRecord | null, extra?: Partial<CheckInResult>) => Promise<CheckInResult>
  ): Promise<CheckInResult> {
    const mine = await findTickets(trx, "t.customer_id = ?", [customerId])
    const here = mine.filter((t) => t.event_id === eventId)
    const used = here.filter((t) => t.status === "checked_in").sort((a, b) => (b.checked_in_at ?? "").localeCompare(a.checked_in_at ?? ""))
    if (used[0]) return answer("already_checked_in", used[0], { holder_remaining: 0 })
    if (here[0]) return answer(here[0].status as CheckInOutcome, here[0], { holder_remaining: 0 })
    const elsewhere = mine.find((t) => t.status === "valid")
    if (elsewhere) return answer("wrong_event", elsewhere, { ticket_event: { id: elsewhere.event_id, name: elsewhere.event_name }, holder_remaining: 0 })
    return answer("no_ticket", null, { holder_remaining: 0 })
  }

  // ---------------------------------------------------------------- cancel and refund

  /**
   * Cancels tickets (by id or every ticket of an order) that are valid or checked in; answers
   * the ones changed with their previous status, for a compensation to put back.
   */
  async cancelTickets(
    input: { ticket_ids?: string[]; order_id?: string; reason: string; actor: string | null },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ tickets: TicketRecord[]; previous: Array<{ id: string; status: TicketStatus }> }> {
    const reason = input.reason.trim()
    if (!reason) throw TicketError.invalid("Say why the ticket is cancelled.")
    return this.transact_(async (trx) => {
      const targets = input.order_id
        ? await findTickets(trx, "t.order_id = ? and t.status in ('valid', 'checked_in')", [input.order_id], "for update of t")
        : await findTickets(trx, "t.id = any(?) and t.status in ('valid', 'checked_in')", [input.ticket_ids ?? []], "for update of t")
      if (!targets.length) return { tickets: [], previous: [] }
      const ids = targets.map((t) => t.id)
      await raw(
        trx,
        `update cashless_ticket set status = 'cancelled', cancelled_at = now(), cancelled_by = ?, cancel_reason = ?, updated_at = now() where id = any(?)`,
        [input.actor, reason, ids]
      )
      return { tickets: await findTickets(trx, "t.id = any(?)", [ids]), previous: targets.map((t) => ({ id: t.id, status: t.status })) }
    }, ctx)
  }

  /**
   * The ticket's first step of a refund: marked refunded under its row lock, so two refunds of
   * one ticket at once move money once. A used ticket needs `override` (a manager's decision).
   * Answers null when it was already refunded (a replay).
   */
  async markRefunded(
    input: { id: string; actor: string | null; override: boolean },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ ticket: TicketRecord; previous: TicketStatus } | null> {
    return this.transact_(async (trx) => {
      const [ticket] = await findTickets(trx, "t.id = ?", [input.id], "for update of t")
      if (!ticket) throw TicketError.notFound(input.id)
      if (ticket.status === "refunded") return null
      if (ticket.status === "cancelled") throw TicketError.notRefundable(ticket.id, "cancelled")
      if (ticket.status === "checked_in" && !input.override) throw TicketError.checkedIn(ticket.checked_in_at!)
      await raw(trx, `update cashless_ticket set status = 'refunded', refunded_at = now(), refunded_by = ?, updated_at = now() where id = ?`, [
        input.actor,
        ticket.id,
      ])
      const [refunded] = await findTickets(trx, "t.id = ?", [ticket.id])
      return { ticket: refunded, previous: ticket.status }
    }, ctx)
  }

  /**
   * Every ticket of an order whose payments were refunded in full (from the Medusa admin), marked
   * refunded; answers the ones changed with their previous status.
   */
  async markOrderRefunded(
    input: { order_id: string; actor: string | null },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ tickets: TicketRecord[]; previous: Array<{ id: string; status: TicketStatus }> }> {
    return this.transact_(async (trx) => {
      const targets = await findTickets(trx, "t.order_id = ? and t.status in ('valid', 'checked_in')", [input.order_id], "for update of t")
      if (!targets.length) return { tickets: [], previous: [] }
      const ids = targets.map((t) => t.id)
      await raw(trx, `update cashless_ticket set status = 'refunded', refunded_at = now(), refunded_by = ?, updated_at = now() where id = any(?)`, [input.actor, ids])
      return { tickets: await findTickets(trx, "t.id = any(?)", [ids]), previous: targets.map((t) => ({ id: t.id, status: t.status })) }
    }, ctx)
  }

  /** Compensation: statuses as they were before a cancellation or refund that did not go through. */
  async restoreStatuses(previous: Array<{ id: string; status: TicketStatus }>, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_(async (trx) => {
      for (const p of previous) {
        await raw(
          trx,
          `update cashless_ticket set status = ?,
                  cancelled_at = case when ? = 'cancelled' then cancelled_at else null end,
                  cancelled_by = case when ? = 'cancelled' then cancelled_by else null end,
                  cancel_reason = case when ? = 'cancelled' then cancel_reason else null end,
                  refunded_at = case when ? = 'refunded' then refunded_at else null end,
                  refunded_by = case when ? = 'refunded' then refunded_by else null end,
                  updated_at = now()
            where id = ?`,
          [p.status, p.status, p.status, p.status, p.status, p.status, p.id]
        )
      }
    }, ctx)
  }

  // ---------------------------------------------------------------- internals

  private eventFields_(input: TicketEventInput) {
    const name = input.name?.trim()
    if (!name) throw TicketError.invalid("An event needs a name.")
    const starts = toDate(input.starts_at, "starts_at")
    const ends = input.ends_at ? toDate(input.ends_at, "ends_at") : null
    if (ends && ends < starts) throw TicketError.invalid("ends_at is before starts_at: an event ends after it starts.")
    checkCapacity(input.capacity)
    return { name, venue: input.venue?.trim() || null, starts_at: starts, ends_at: ends, capacity: input.capacity }
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
