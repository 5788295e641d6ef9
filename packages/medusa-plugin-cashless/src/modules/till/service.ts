import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { raw } from "../../lib/sql"
import { TillError } from "./lib/errors"
import { type SaleStockStatus, setSaleStock, type StockMove } from "./lib/stock-marker"
import { storedTicketZ, ticketZ, type TicketZ, type ZMovement, type ZSale } from "./lib/ticket-z"
import {
  closureOf,
  insertMovement,
  insertSale,
  movementByKey,
  type MovementRow,
  openSessionOf,
  openSessionsOf,
  saleByKey,
  type SaleRow,
  sessionActivity,
  sessionById,
  sessionsOf,
  type SessionRow,
  type SessionSummary,
} from "./lib/till-store"
import {
  CashlessPointOfSale,
  CashlessSale,
  CashlessStaff,
  CashlessStaffAssignment,
  CashlessTillClosure,
  CashlessTillMovement,
  CashlessTillSession,
} from "./models"
import {
  assignmentsOf,
  deleteAssignment,
  insertAssignment,
  knexOf,
  readAccess,
  type StaffAccess,
  type StaffRole,
  writeRole,
} from "./lib/staff"

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "23505"

export default class TillModuleService extends MedusaService({
  CashlessPointOfSale,
  CashlessStaff,
  CashlessStaffAssignment,
  CashlessTillSession,
  CashlessSale,
  CashlessTillMovement,
  CashlessTillClosure,
}) {
  // ---- sessions

  /** The open session of a point of sale, or null. */
  async openSession(posId: string, @MedusaContext() ctx: Context = {}): Promise<SessionRow | null> {
    return this.transact_((trx) => openSessionOf(trx, posId), ctx)
  }

  /** The open session of each of these points of sale that has one. */
  async openSessions(posIds: string[], @MedusaContext() ctx: Context = {}): Promise<SessionRow[]> {
    return this.transact_((trx) => openSessionsOf(trx, posIds), ctx)
  }

  /** A point of sale's sessions, newest first, with the cash figures of each Ticket Z (lib/till-store.ts). */
  async listSessions(
    posId: string,
    page: { limit: number; offset: number },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ sessions: SessionSummary[]; count: number }> {
    return this.transact_((trx) => sessionsOf(trx, posId, page.limit, page.offset), ctx)
  }

  /** Opens a session with its cash float; one open session per point of sale (the database says so). */
  async startSession(
    input: { point_of_sale_id: string; currency_code: string; opened_by: string; opening_float: number },
    @MedusaContext() ctx: Context = {}
  ): Promise<SessionRow> {
    return this.transact_(async (trx) => {
      const open = await openSessionOf(trx, input.point_of_sale_id)
      if (open) throw new TillError("session_open", `A session is already open at this point of sale (opened by ${open.opened_by}): close it first.`)
      const id = generateEntityId(undefined, "tses")
      try {
        await raw(
          trx,
          `insert into cashless_till_session (id, point_of_sale_id, currency_code, opened_by, opening_float, opened_at, status)
           values (?, ?, ?, ?, ?, now(), 'open')`,
          [id, input.point_of_sale_id, input.currency_code, input.opened_by, input.opening_float]
        )
      } catch (err) {
        // Opened at the same moment by another till: the transaction is spent, say so plainly.
        if (!isUniqueViolation(err)) throw err
        throw new TillError("session_open", "A session was just opened at this point of sale: use it, or close it first.")
      }
      return (await sessionById(trx, id))!
    }, ctx)
  }

  /**
   * Closes a session with the cash counted and writes its Ticket Z. Takes the session's row lock,
   * which every sale and movement holds (shared) while it is recorded: nothing lands in a session
   * after it closed, and the Ticket Z holds everything that did.
   */
  async endSession(
    input: { session_id: string; closed_by: string; counted_cash: number },
    @MedusaContext() ctx: Context = {}
  ): Promise<SessionRow & { ticket_z: TicketZ }> {
    return this.transact_(async (trx) => {
      const session = await sessionById(trx, input.session_id, "update")
      if (!session) throw new TillError("session_not_found", `Till session ${input.session_id} not found.`)
      if (session.status === "closed") throw new TillError("session_closed", "This session is already closed: a closed session cannot change.")
      const closedAt = new Date()
      await raw(trx, `update cashless_till_session set status = 'closed', closed_at = ?, closed_by = ?, counted_cash = ?, updated_at = now() where id = ?`, [
        closedAt,
        input.closed_by,
        input.counted_cash,
        session.id,
      ])
      const { sales, movements } = await sessionActivity(trx, session.id)
      const report = ticketZ(session, sales as unknown as ZSale[], movements as unknown as ZMovement[], {
        counted_cash: input.counted_cash,
        closed_by: input.closed_by,
        closed_at: closedAt,
      })
      await raw(trx, `insert into cashless_till_closure (id, session_id, point_of_sale_id, report) values (?, ?, ?, ?::jsonb)`, [
        generateEntityId(undefined, "tclo"),
        session.id,
        session.point_of_sale_id,
        JSON.stringify(report),
      ])
      return { ...(await sessionById(trx, session.id))!, ticket_z: report }
    }, ctx)
  }

  /** The Ticket Z of a closed session, as written at its close; null while it is open. */
  async ticketZOf(sessionId: string, @MedusaContext() ctx: Context = {}): Promise<TicketZ | null> {
    return this.transact_(async (trx) => storedTicketZ((await closureOf(trx, sessionId)) as TicketZ | null), ctx)
  }

  async retrieveSession(id: string, @MedusaContext() ctx: Context = {}): Promise<SessionRow | null> {
    return this.transact_((trx) => sessionById(trx, id), ctx)
  }

  // ---- sales

  async saleByKey(key: string, @MedusaContext() ctx: Context = {}): Promise<SaleRow | null> {
    return this.transact_((trx) => saleByKey(trx, key), ctx)
  }

  /**
   * Records a sale paid for, in its session. Refused when the session closed meanwhile (the
   * caller reverses the money it moved); recording the same key twice keeps the first. A retry
   * of a recorded sale is answered before it gets here (the workflow's replay).
   */
  async recordSale(sale: Omit<SaleRow, "created_at" | "order_id">, @MedusaContext() ctx: Context = {}): Promise<{ sale: SaleRow; created: boolean }> {
    return this.transact_(async (trx) => {
      const session = await sessionById(trx, sale.session_id, "share")
      if (!session || session.status !== "open") {
        throw new TillError("session_closed", "The till session was closed: open a new session to sell.")
      }
      // A simultaneous retry may have recorded it first: then its row is the answer.
      const inserted = await insertSale(trx, sale)
      return inserted ? { sale: inserted, created: true } : { sale: (await saleByKey(trx, sale.idempotency_key))!, created: false }
    }, ctx)
  }

  // ---- money across the counter

  async movementByKey(key: string, @MedusaContext() ctx: Context = {}): Promise<MovementRow | null> {
    return this.transact_((trx) => movementByKey(trx, key), ctx)
  }

  /** Records a top-up or cash refund in its still-open session; the same key twice keeps the first. */
  async recordMovement(movement: Omit<MovementRow, "created_at">, @MedusaContext() ctx: Context = {}): Promise<MovementRow> {
    return this.transact_(async (trx) => {
      const existing = await movementByKey(trx, movement.idempotency_key)
      if (existing) return existing
      const session = await sessionById(trx, movement.session_id, "share")
      if (!session || session.status !== "open") throw new TillError("session_closed", "The till session was closed: open a new session first.")
      await insertMovement(trx, movement)
      return (await movementByKey(trx, movement.idempotency_key))!
    }, ctx)
  }

  /** Moves a sale's stock marker, compare and set (lib/stock-marker.ts): false when it was elsewhere. */
  async setSaleStock(
    saleId: string,
    from: Array<SaleStockStatus | null>,
    to: SaleStockStatus | null,
    moves?: StockMove[],
    @MedusaContext() ctx: Context = {}
  ): Promise<boolean> {
    return this.transact_((trx) => setSaleStock(trx, saleId, from, to, moves), ctx)
  }

  /** Sales recorded before `before` that have no Medusa order yet, oldest first. */
  async unprojectedSales(limit: number, before: Date, @MedusaContext() ctx: Context = {}): Promise<string[]> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(trx, `select id from cashless_sale where order_id is null and created_at < ? order by created_at limit ?`, [before, limit])
      return rows.map((r: { id: string }) => r.id)
    }, ctx)
  }

  // ---- reports

  /**
   * Per day (in the shop's time zone), point of sale and tender: what the tills took — sales by
   * tender, top-ups by tender, cash refunds — from the recorded sales and movements.
   */
  async dailyTotals(
    input: { from: Date; to: Date; time_zone: string },
    @MedusaContext() ctx: Context = {}
  ): Promise<Array<{ day: string; point_of_sale_id: string; point_of_sale: string; operation: string; tender: string; count: number; amount: number; currency_code: string }>> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `with ops as (
           select s.created_at, s.point_of_sale_id, s.currency_code, 'sale' as operation, t->>'kind' as tender, (t->>'amount')::bigint as amount
             from cashless_sale s, jsonb_array_elements(s.tenders) t
            where s.status = 'completed' and s.created_at >= ? and s.created_at < ?
           union all
           select m.created_at, m.point_of_sale_id, m.currency_code, m.kind, m.tender, m.amount
             from cashless_till_movement m where m.created_at >= ? and m.created_at < ?
         )
         select to_char(ops.created_at at time zone ?, 'YYYY-MM-DD') as day, ops.point_of_sale_id, p.name as point_of_sale,
                ops.operation, ops.tender, ops.currency_code, count(*) as count, sum(ops.amount) as amount
           from ops join cashless_point_of_sale p on p.id = ops.point_of_sale_id
          group by 1, 2, 3, 4, 5, 6 order by 1, 3, 4, 5`,
        [input.from, input.to, input.from, input.to, input.time_zone]
      )
      return rows.map((r: Record<string, unknown>) => ({
        day: String(r.day),
        point_of_sale_id: String(r.point_of_sale_id),
        point_of_sale: String(r.point_of_sale),
        operation: String(r.operation),
        tender: String(r.tender),
        count: Number(r.count),
        amount: Number(r.amount),
        currency_code: String(r.currency_code),
      }))
    }, ctx)
  }

  @InjectTransactionManager()
  protected async transact_<T>(work: (trx: Knex) => Promise<T>, @MedusaContext() ctx: Context = {}): Promise<T> {
    return work(knexOf(ctx))
  }

  // ---- staff (roles and point-of-sale assignments; the rules are in lib/staff.ts)

  /**
   * A user's effective role (bootstrap: `admin` while no admin is named) and, when a point of
   * sale is given, whether they are assigned to it — in one query, as the permission
   * middleware needs on every request.
   */
  @InjectManager()
  async roleOf(userId: string, pointOfSaleId: string | null = null, @MedusaContext() ctx: Context = {}): Promise<StaffAccess> {
    return readAccess(knexOf(ctx), userId, pointOfSaleId)
  }

  /** Names, changes or (null) removes a role; refuses to leave the shop without an admin (409). */
  @InjectTransactionManager()
  async setRole(userId: string, role: StaffRole | null, @MedusaContext() ctx: Context = {}): Promise<StaffAccess> {
    const trx = knexOf(ctx)
    await writeRole(trx, userId, role)
    return readAccess(trx, userId, null)
  }

  @InjectTransactionManager()
  async assign(userId: string, pointOfSaleId: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    await insertAssignment(knexOf(ctx), userId, pointOfSaleId)
  }

  @InjectTransactionManager()
  async unassign(userId: string, pointOfSaleId: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    await deleteAssignment(knexOf(ctx), userId, pointOfSaleId)
  }

  @InjectManager()
  async assignedPointsOfSale(userId: string, @MedusaContext() ctx: Context = {}): Promise<string[]> {
    return assignmentsOf(knexOf(ctx), userId)
  }

  @InjectManager()
  async isAssigned(userId: string, pointOfSaleId: string, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    return (await readAccess(knexOf(ctx), userId, pointOfSaleId)).assigned === true
  }

  // ---- end staff
}
