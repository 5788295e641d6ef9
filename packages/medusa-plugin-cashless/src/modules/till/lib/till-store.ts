import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { pagedRows, raw } from "../../../lib/sql"

export type SessionRow = {
  id: string
  point_of_sale_id: string
  currency_code: string
  opened_by: string
  opening_float: number
  opened_at: string
  closed_by: string | null
  closed_at: string | null
  counted_cash: number | null
  status: "open" | "closed"
}

export type SaleRow = {
  id: string
  idempotency_key: string
  request_hash: string
  session_id: string
  point_of_sale_id: string
  currency_code: string
  status: "completed" | "voided"
  total: number
  tax_total: number
  lines: unknown[]
  tenders: unknown[]
  card_id: string | null
  customer_id: string | null
  sold_by: string
  order_id: string | null
  created_at: string
}

const SESSION_COLUMNS = `id, point_of_sale_id, currency_code, opened_by, opening_float, opened_at, closed_by, closed_at, counted_cash, status`
const SALE_COLUMNS = `id, idempotency_key, request_hash, session_id, point_of_sale_id, currency_code, status, total, tax_total, lines, tenders,
  card_id, customer_id, sold_by, order_id, created_at`

export async function openSessionOf(trx: Knex, posId: string): Promise<SessionRow | null> {
  const { rows } = await raw(trx, `select ${SESSION_COLUMNS} from cashless_till_session where point_of_sale_id = ? and status = 'open' and deleted_at is null`, [posId])
  return rows[0] ?? null
}

/** The open sessions of these points of sale, one at most each (the database says so). */
export async function openSessionsOf(trx: Knex, posIds: string[]): Promise<SessionRow[]> {
  if (!posIds.length) return []
  const { rows } = await raw(
    trx,
    `select ${SESSION_COLUMNS} from cashless_till_session where point_of_sale_id = any(?) and status = 'open' and deleted_at is null`,
    [posIds]
  )
  return rows
}

/** A session in a point of sale's list: its own row, and the cash its Ticket Z expected (null while open). */
export type SessionSummary = Omit<SessionRow, "point_of_sale_id"> & {
  expected_cash: number | null
  difference: number | null
}

/**
 * A point of sale's sessions, newest first, one page of them. Expected cash and difference are
 * read from the stored Ticket Z, never recomputed: a closed session's figures are those of its close.
 */
export async function sessionsOf(trx: Knex, posId: string, limit: number, offset: number): Promise<{ sessions: SessionSummary[]; count: number }> {
  const { rows, count } = await pagedRows(
    trx,
    {
      columns: `s.id, s.status, s.currency_code, s.opened_by, s.opened_at, s.opening_float, s.closed_by, s.closed_at, s.counted_cash,
        (c.report #>> '{cash,expected}')::bigint as expected_cash, (c.report #>> '{cash,difference}')::bigint as difference`,
      from: `cashless_till_session s left join cashless_till_closure c on c.session_id = s.id`,
      where: `s.point_of_sale_id = ? and s.deleted_at is null`,
      orderBy: `s.opened_at desc, s.id desc`,
    },
    [posId],
    limit,
    offset
  )
  // bigint comes back from pg as a string; the sums fit in a JS number (cents of one session).
  const cents = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    count,
    sessions: rows.map((r) => ({
      id: r.id,
      status: r.status,
      currency_code: r.currency_code,
      opened_by: r.opened_by,
      opened_at: r.opened_at,
      opening_float: Number(r.opening_float),
      closed_by: r.closed_by,
      closed_at: r.closed_at,
      counted_cash: cents(r.counted_cash),
      expected_cash: cents(r.expected_cash),
      difference: cents(r.difference),
    })),
  }
}

export async function sessionById(trx: Knex, id: string, lock?: "share" | "update"): Promise<SessionRow | null> {
  const { rows } = await raw(
    trx,
    `select ${SESSION_COLUMNS} from cashless_till_session where id = ? and deleted_at is null${lock ? ` for ${lock}` : ""}`,
    [id]
  )
  return rows[0] ?? null
}

export async function saleByKey(trx: Knex, key: string): Promise<SaleRow | null> {
  const { rows } = await raw(trx, `select ${SALE_COLUMNS} from cashless_sale where idempotency_key = ?`, [key])
  return rows[0] ?? null
}

/** Inserts the sale and answers its row, or null when a sale with its key already exists. */
export async function insertSale(trx: Knex, sale: Omit<SaleRow, "created_at" | "order_id">): Promise<SaleRow | null> {
  const { rows } = await raw(
    trx,
    `insert into cashless_sale (id, idempotency_key, request_hash, session_id, point_of_sale_id, currency_code, status, total, tax_total,
       lines, tenders, card_id, customer_id, sold_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
     on conflict (idempotency_key) do nothing returning ${SALE_COLUMNS}`,
    [
      sale.id,
      sale.idempotency_key,
      sale.request_hash,
      sale.session_id,
      sale.point_of_sale_id,
      sale.currency_code,
      sale.status,
      sale.total,
      sale.tax_total,
      JSON.stringify(sale.lines),
      JSON.stringify(sale.tenders),
      sale.card_id,
      sale.customer_id,
      sale.sold_by,
    ]
  )
  return rows[0] ?? null
}

export type MovementRow = {
  id: string
  idempotency_key: string
  request_hash: string
  session_id: string
  point_of_sale_id: string
  kind: "top_up" | "refund" | "void"
  tender: "cash" | "card_terminal"
  currency_code: string
  amount: number
  card_id: string
  wallet_id: string
  entry_id: string | null
  done_by: string
  details: VoidDetails | null
  created_at: string
}

/** What a void did besides paying out: gift credit forfeited, memberships ended, the holder left alone. */
export type VoidDetails = {
  card_name: string
  forfeited: Array<{ asset_code: string; amount: number }>
  memberships_ended: string[]
  /** A bound card: detached, its holder's wallet untouched. */
  holder: { customer_id: string; wallet_id: string } | null
}

const MOVEMENT_COLUMNS = `id, idempotency_key, request_hash, session_id, point_of_sale_id, kind, tender, currency_code, amount, card_id, wallet_id,
  entry_id, done_by, details, created_at`

export async function movementByKey(trx: Knex, key: string): Promise<MovementRow | null> {
  const { rows } = await raw(trx, `select ${MOVEMENT_COLUMNS} from cashless_till_movement where idempotency_key = ?`, [key])
  return rows[0] ?? null
}

export async function insertMovement(trx: Knex, m: Omit<MovementRow, "created_at">): Promise<void> {
  await raw(
    trx,
    `insert into cashless_till_movement (id, idempotency_key, request_hash, session_id, point_of_sale_id, kind, tender, currency_code, amount,
       card_id, wallet_id, entry_id, done_by, details)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing`,
    [m.id, m.idempotency_key, m.request_hash, m.session_id, m.point_of_sale_id, m.kind, m.tender, m.currency_code, m.amount, m.card_id, m.wallet_id, m.entry_id, m.done_by,
      m.details ? JSON.stringify(m.details) : null]
  )
}

/** Everything a session did, for its Ticket Z. */
export async function sessionActivity(trx: Knex, sessionId: string): Promise<{ sales: SaleRow[]; movements: MovementRow[] }> {
  const [{ rows: sales }, { rows: movements }] = await Promise.all([
    raw(trx, `select ${SALE_COLUMNS} from cashless_sale where session_id = ? order by created_at, id`, [sessionId]),
    raw(trx, `select ${MOVEMENT_COLUMNS} from cashless_till_movement where session_id = ? order by created_at, id`, [sessionId]),
  ])
  return { sales, movements }
}

export async function closureOf(trx: Knex, sessionId: string): Promise<Record<string, unknown> | null> {
  const { rows } = await raw(trx, `select report from cashless_till_closure where session_id = ?`, [sessionId])
  return rows[0]?.report ?? null
}
