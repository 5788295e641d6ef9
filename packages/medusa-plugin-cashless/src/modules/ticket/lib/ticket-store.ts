import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { raw } from "../../../lib/sql"
import type { TicketCounts, TicketEventRecord, TicketRecord } from "../types"

type Row = Record<string, unknown>

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString())

export const TICKET_COLUMNS = `t.id, t.event_id, e.name as event_name, t.variant_id, t.type_title, t.holder_name, t.holder_email,
  t.customer_id, t.order_id, t.line_item_id, t.unit_index, t.status, t.checked_in_at, t.checked_in_by, t.checked_in_where,
  t.cancelled_at, t.cancelled_by, t.cancel_reason, t.refunded_at, t.refunded_by, t.created_at`

export const TICKET_FROM = `cashless_ticket t join cashless_ticket_event e on e.id = t.event_id`

export function toTicket(r: Row): TicketRecord {
  return {
    id: String(r.id),
    event_id: String(r.event_id),
    event_name: String(r.event_name),
    variant_id: String(r.variant_id),
    type_title: String(r.type_title),
    holder_name: (r.holder_name as string | null) ?? null,
    holder_email: (r.holder_email as string | null) ?? null,
    customer_id: (r.customer_id as string | null) ?? null,
    order_id: String(r.order_id),
    line_item_id: String(r.line_item_id),
    unit_index: Number(r.unit_index),
    status: r.status as TicketRecord["status"],
    checked_in_at: iso(r.checked_in_at),
    checked_in_by: (r.checked_in_by as string | null) ?? null,
    checked_in_where: (r.checked_in_where as string | null) ?? null,
    cancelled_at: iso(r.cancelled_at),
    cancelled_by: (r.cancelled_by as string | null) ?? null,
    cancel_reason: (r.cancel_reason as string | null) ?? null,
    refunded_at: iso(r.refunded_at),
    refunded_by: (r.refunded_by as string | null) ?? null,
    created_at: iso(r.created_at)!,
  }
}

export async function findTickets(trx: Knex, where: string, bindings: unknown[], suffix = ""): Promise<TicketRecord[]> {
  const { rows } = await raw(
    trx,
    `select ${TICKET_COLUMNS} from ${TICKET_FROM} where t.deleted_at is null and (${where}) order by t.created_at, t.line_item_id, t.unit_index ${suffix}`,
    bindings
  )
  return rows.map(toTicket)
}

const ZERO: TicketCounts = { issued: 0, valid: 0, checked_in: 0, cancelled: 0, refunded: 0 }

/** Tickets by status, per event; issued counts every ticket ever issued. */
export async function countTickets(trx: Knex, eventIds: string[]): Promise<Map<string, TicketCounts>> {
  const counts = new Map<string, TicketCounts>(eventIds.map((id) => [id, { ...ZERO }]))
  if (!eventIds.length) return counts
  const { rows } = await raw(
    trx,
    `select event_id, status, count(*)::int as n from cashless_ticket where event_id = any(?) and deleted_at is null group by event_id, status`,
    [eventIds]
  )
  for (const r of rows as Array<{ event_id: string; status: keyof TicketCounts; n: number }>) {
    const c = counts.get(r.event_id)!
    c[r.status] = r.n
    c.issued += r.n
  }
  return counts
}

/**
 * Events with their counts. `counts: false` skips them: counting reads every ticket of the event,
 * which the door's check-in must do once per scan, not three times.
 */
export async function findEvents(trx: Knex, where: string, bindings: unknown[], options: { counts?: boolean } = {}): Promise<TicketEventRecord[]> {
  const { rows } = await raw(
    trx,
    `select id, name, venue, starts_at, ends_at, capacity, product_id, inventory_item_id, stock_location_id, archived_at, created_at
       from cashless_ticket_event where deleted_at is null and (${where}) order by starts_at, name`,
    bindings
  )
  const counts = options.counts === false ? new Map<string, TicketCounts>() : await countTickets(trx, rows.map((r: Row) => String(r.id)))
  return rows.map((r: Row) => ({
    id: String(r.id),
    name: String(r.name),
    venue: (r.venue as string | null) ?? null,
    starts_at: iso(r.starts_at)!,
    ends_at: iso(r.ends_at),
    capacity: Number(r.capacity),
    product_id: String(r.product_id),
    inventory_item_id: (r.inventory_item_id as string | null) ?? null,
    stock_location_id: (r.stock_location_id as string | null) ?? null,
    archived_at: iso(r.archived_at),
    created_at: iso(r.created_at)!,
    counts: counts.get(String(r.id)) ?? { ...ZERO },
  }))
}
