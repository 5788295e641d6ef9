import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { raw } from "../../../lib/sql"

export type DeviceRow = {
  id: string
  name: string
  point_of_sale_id: string
  paired_at: Date
  paired_by: string
  last_seen_at: Date | null
  readers: string[] | null
  pcsc: "ok" | "down" | null
  agent_version: string | null
  revoked_at: Date | null
  revoked_by: string | null
}

export type PairingCodeRow = {
  id: string
  point_of_sale_id: string
  name: string | null
  expires_at: Date
  used_at: Date | null
  device_id: string | null
  created_by: string
}

// The token hash never leaves the module.
const DEVICE_COLUMNS = `id, name, point_of_sale_id, paired_at, paired_by, last_seen_at, readers, pcsc, agent_version, revoked_at, revoked_by`
const CODE_COLUMNS = `id, point_of_sale_id, name, expires_at, used_at, device_id, created_by`

export async function insertPairingCode(
  trx: Knex,
  input: { code_hash: string; point_of_sale_id: string; name: string | null; ttl_minutes: number; created_by: string }
): Promise<PairingCodeRow> {
  const { rows } = await raw(
    trx,
    `insert into cashless_device_pairing_code (id, code_hash, point_of_sale_id, name, expires_at, created_by)
     values (?, ?, ?, ?, now() + make_interval(mins => ?), ?) returning ${CODE_COLUMNS}`,
    [generateEntityId(undefined, "cdpc"), input.code_hash, input.point_of_sale_id, input.name, input.ttl_minutes, input.created_by]
  )
  return rows[0]
}

export async function codeByHash(trx: Knex, codeHash: string): Promise<(PairingCodeRow & { expired: boolean }) | null> {
  const { rows } = await raw(trx, `select ${CODE_COLUMNS}, expires_at <= now() as expired from cashless_device_pairing_code where code_hash = ? and deleted_at is null`, [
    codeHash,
  ])
  return rows[0] ?? null
}

/**
 * Takes the code if it is still unused and unexpired, in one statement: of simultaneous
 * pairings with one code, the row lock lets exactly one through; the others find it used.
 */
export async function consumeCode(trx: Knex, codeHash: string): Promise<PairingCodeRow | null> {
  const { rows } = await raw(
    trx,
    `update cashless_device_pairing_code set used_at = now(), updated_at = now()
      where code_hash = ? and used_at is null and expires_at > now() and deleted_at is null
      returning ${CODE_COLUMNS}`,
    [codeHash]
  )
  return rows[0] ?? null
}

export async function insertDevice(
  trx: Knex,
  input: { name: string; point_of_sale_id: string; token_hash: string; paired_by: string; agent_version: string | null }
): Promise<DeviceRow> {
  const { rows } = await raw(
    trx,
    `insert into cashless_device (id, name, point_of_sale_id, token_hash, paired_at, paired_by, last_seen_at, agent_version)
     values (?, ?, ?, ?, now(), ?, now(), ?) returning ${DEVICE_COLUMNS}`,
    [generateEntityId(undefined, "cdev"), input.name, input.point_of_sale_id, input.token_hash, input.paired_by, input.agent_version]
  )
  return rows[0]
}

export async function deviceById(trx: Knex, id: string): Promise<DeviceRow | null> {
  const { rows } = await raw(trx, `select ${DEVICE_COLUMNS} from cashless_device where id = ? and deleted_at is null`, [id])
  return rows[0] ?? null
}

/** One indexed lookup per device request: no cache, so a revocation holds at once in every process. */
export async function deviceByTokenHash(trx: Knex, tokenHash: string): Promise<DeviceRow | null> {
  const { rows } = await raw(trx, `select ${DEVICE_COLUMNS} from cashless_device where token_hash = ? and deleted_at is null`, [tokenHash])
  return rows[0] ?? null
}

export async function devicesOf(trx: Knex, filter: { point_of_sale_id?: string; include_revoked?: boolean }): Promise<DeviceRow[]> {
  const where = ["deleted_at is null"]
  const bindings: unknown[] = []
  if (filter.point_of_sale_id) {
    where.push("point_of_sale_id = ?")
    bindings.push(filter.point_of_sale_id)
  }
  if (!filter.include_revoked) where.push("revoked_at is null")
  const { rows } = await raw(trx, `select ${DEVICE_COLUMNS} from cashless_device where ${where.join(" and ")} order by revoked_at desc nulls first, paired_at desc, id`, bindings)
  return rows
}

/** Marks the device seen unless it was within `throttleSeconds`: the tap path writes rarely. */
export async function touchDevice(trx: Knex, id: string, throttleSeconds: number): Promise<void> {
  await raw(
    trx,
    `update cashless_device set last_seen_at = now()
      where id = ? and (last_seen_at is null or last_seen_at < now() - make_interval(secs => ?))`,
    [id, throttleSeconds]
  )
}

export async function writeStatus(trx: Knex, id: string, status: { readers: string[]; pcsc: "ok" | "down"; agent_version?: string | null }): Promise<void> {
  await raw(
    trx,
    `update cashless_device set readers = ?::jsonb, pcsc = ?, agent_version = coalesce(?, agent_version), last_seen_at = now(), updated_at = now()
      where id = ?`,
    [JSON.stringify(status.readers), status.pcsc, status.agent_version ?? null, id]
  )
}
