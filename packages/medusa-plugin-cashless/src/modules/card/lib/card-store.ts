import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { raw } from "../../../lib/sql"
import type { CardEventRecord, CardImportRecord, CardRecord, CardStatus } from "../types"

/** SQL of the card module. */

const CARD_COLUMNS = `c.id, c.uid, c.printed_number, c.qr_token, c.status, c.wallet_id, c.customer_id, c.wallet_generation, c.batch_id,
  b.name as batch_name, c.activated_at, c.bound_at, c.created_at`

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null)

export function toCard(r: Record<string, unknown>): CardRecord {
  return {
    id: String(r.id),
    uid: String(r.uid),
    printed_number: (r.printed_number as string | null) ?? null,
    qr_token: String(r.qr_token),
    status: r.status as CardStatus,
    wallet_id: (r.wallet_id as string | null) ?? null,
    customer_id: (r.customer_id as string | null) ?? null,
    wallet_generation: Number(r.wallet_generation ?? 0),
    batch_id: (r.batch_id as string | null) ?? null,
    batch_name: (r.batch_name as string | null) ?? null,
    activated_at: iso(r.activated_at),
    bound_at: iso(r.bound_at),
    created_at: iso(r.created_at)!,
  }
}

export async function findCard(
  trx: Knex,
  by: "id" | "uid" | "qr_token",
  value: string,
  opts: { lock?: boolean } = {}
): Promise<CardRecord | null> {
  // `for update of c`: the batch row is read, not locked.
  const { rows } = await raw(
    trx,
    `select ${CARD_COLUMNS} from cashless_card c left join cashless_card_batch b on b.id = c.batch_id
      where c.${by} = ? and c.deleted_at is null ${opts.lock ? "for update of c" : ""}`,
    [value]
  )
  return rows[0] ? toCard(rows[0]) : null
}

/** Locks cards in id order: every writer that locks several cards takes them in that order. */
export async function lockCards(trx: Knex, where: string, bindings: unknown[]): Promise<CardRecord[]> {
  const { rows } = await raw(
    trx,
    `select ${CARD_COLUMNS} from cashless_card c left join cashless_card_batch b on b.id = c.batch_id
      where c.deleted_at is null and (${where}) order by c.id for update of c`,
    bindings
  )
  return rows.map(toCard)
}

export async function updateCard(
  trx: Knex,
  id: string,
  fields: Partial<Pick<CardRecord, "status" | "wallet_id" | "customer_id" | "activated_at" | "bound_at" | "wallet_generation">>
): Promise<void> {
  const keys = Object.keys(fields) as Array<keyof typeof fields>
  await raw(
    trx,
    `update cashless_card set ${keys.map((k) => `"${k}" = ?`).join(", ")}, updated_at = now() where id = ?`,
    [...keys.map((k) => fields[k] ?? null), id]
  )
}

export async function recordEvent(
  trx: Knex,
  event: {
    card_id: string
    action: string
    from_status: CardStatus | null
    to_status: CardStatus
    actor?: string | null
    reason?: string | null
    data?: Record<string, unknown> | null
  }
): Promise<void> {
  await raw(
    trx,
    `insert into cashless_card_event (id, card_id, action, from_status, to_status, actor, reason, data)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      generateEntityId(undefined, "ccev"),
      event.card_id,
      event.action,
      event.from_status,
      event.to_status,
      event.actor ?? null,
      event.reason ?? null,
      event.data ? JSON.stringify(event.data) : null,
    ]
  )
}

export async function cardEvents(trx: Knex, cardId: string): Promise<CardEventRecord[]> {
  const { rows } = await raw(
    trx,
    `select id, action, from_status, to_status, actor, reason, data, created_at
       from cashless_card_event where card_id = ? order by created_at desc, id desc limit 500`,
    [cardId]
  )
  return rows.map((r: Record<string, unknown>) => ({
    id: String(r.id),
    action: String(r.action),
    from_status: (r.from_status as string | null) ?? null,
    to_status: String(r.to_status),
    actor: (r.actor as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    data: (r.data as Record<string, unknown> | null) ?? null,
    created_at: iso(r.created_at)!,
  }))
}

export function toImport(r: Record<string, unknown>): CardImportRecord {
  return {
    id: String(r.id),
    batch_name: String(r.batch_name),
    batch_id: (r.batch_id as string | null) ?? null,
    status: r.status as CardImportRecord["status"],
    total_rows: Number(r.total_rows),
    processed_rows: Number(r.processed_rows),
    imported_count: Number(r.imported_count),
    skipped_count: Number(r.skipped_count),
    problems: (r.problems as CardImportRecord["problems"] | null) ?? [],
    error: (r.error as string | null) ?? null,
    created_at: iso(r.created_at)!,
    finished_at: iso(r.finished_at),
  }
}

export async function findImport(knex: Knex, id: string): Promise<CardImportRecord | null> {
  const { rows } = await raw(knex, `select * from cashless_card_import where id = ? and deleted_at is null`, [id])
  return rows[0] ? toImport(rows[0]) : null
}
