import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { raw } from "../../lib/sql"
import { knexOf } from "../till/lib/staff"
import {
  codeByHash,
  consumeCode,
  deviceById,
  deviceByTokenHash,
  devicesOf,
  type DeviceRow,
  insertDevice,
  insertPairingCode,
  type PairingCodeRow,
  touchDevice,
  writeStatus,
} from "./lib/device-store"
import { DeviceError } from "./lib/errors"
import { sha256Hex } from "./lib/secrets"
import { CashlessDevice, CashlessPairingCode } from "./models"

export type DeviceModuleOptions = {
  /** Minutes a pairing code stays usable (default 10). */
  pairingCodeTtlMinutes?: number
  /** The shop's time zone (a plugin option shared with memberships): an expiry is told in it. */
  timeZone?: string
}

/** "14:05" in the shop's time zone; with the zone named when it is not one Intl knows. */
function hhmm(d: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(d)
  } catch {
    return `${d.toISOString().slice(11, 16)} UTC`
  }
}

export default class DeviceModuleService extends MedusaService({ CashlessDevice, CashlessPairingCode }) {
  protected readonly ttlMinutes_: number
  protected readonly timeZone_: string

  constructor(deps: Record<string, unknown>, options: DeviceModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    const ttl = Number(options?.pairingCodeTtlMinutes)
    this.ttlMinutes_ = Number.isFinite(ttl) && ttl > 0 ? ttl : 10
    this.timeZone_ = options?.timeZone || "Europe/Paris"
  }

  // ---- pairing

  /**
   * Stores a new one-time code for a point of sale. The caller draws the code and hands over its
   * hash only: secrets never reach the workflow engine's storage.
   */
  async createPairingCode(
    input: { code_hash: string; point_of_sale_id: string; name: string | null; created_by: string },
    @MedusaContext() ctx: Context = {}
  ): Promise<PairingCodeRow> {
    return this.transact_((trx) => insertPairingCode(trx, { ...input, ttl_minutes: this.ttlMinutes_ }), ctx)
  }

  /** The code still unused and unexpired, or why not. Reads only. */
  async pendingCode(codeHash: string, @MedusaContext() ctx: Context = {}): Promise<PairingCodeRow> {
    return this.transact_(async (trx) => classify(await codeByHash(trx, codeHash), this.timeZone_), ctx)
  }

  /** Takes the code and creates its device with the token's hash, in one transaction. */
  async pair(
    input: { code_hash: string; token_hash: string; name: string | null; agent_version: string | null },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ device: DeviceRow; code_id: string }> {
    return this.transact_(async (trx) => {
      const code = await consumeCode(trx, input.code_hash)
      if (!code) {
        classify(await codeByHash(trx, input.code_hash), this.timeZone_)
        throw new DeviceError("pairing_code_used", "This pairing code was just used by another reader: create a new one in Cashless → Devices.")
      }
      const device = await insertDevice(trx, {
        name: code.name ?? input.name ?? "Card reader",
        point_of_sale_id: code.point_of_sale_id,
        token_hash: input.token_hash,
        paired_by: code.created_by,
        agent_version: input.agent_version,
      })
      await raw(trx, `update cashless_device_pairing_code set device_id = ? where id = ?`, [device.id, code.id])
      return { device, code_id: code.id }
    }, ctx)
  }

  /** Compensation of `pair`: the device goes, and its code may be used again (the agent never got the token). */
  async unpair(deviceId: string, codeId: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_(async (trx) => {
      await raw(trx, `update cashless_device_pairing_code set device_id = null, used_at = null, updated_at = now() where id = ? and device_id = ?`, [codeId, deviceId])
      await raw(trx, `delete from cashless_device where id = ?`, [deviceId])
    }, ctx)
  }

  // ---- devices

  @InjectManager()
  async deviceByToken(token: string, @MedusaContext() ctx: Context = {}): Promise<DeviceRow | null> {
    return deviceByTokenHash(knexOf(ctx), sha256Hex(token))
  }

  @InjectManager()
  async device(id: string, @MedusaContext() ctx: Context = {}): Promise<DeviceRow | null> {
    return deviceById(knexOf(ctx), id)
  }

  @InjectManager()
  async devices(filter: { point_of_sale_id?: string; include_revoked?: boolean }, @MedusaContext() ctx: Context = {}): Promise<DeviceRow[]> {
    return devicesOf(knexOf(ctx), filter)
  }

  @InjectManager()
  async touch(id: string, throttleSeconds: number, @MedusaContext() ctx: Context = {}): Promise<void> {
    await touchDevice(knexOf(ctx), id, throttleSeconds)
  }

  @InjectManager()
  async setStatus(id: string, status: { readers: string[]; pcsc: "ok" | "down"; agent_version?: string | null }, @MedusaContext() ctx: Context = {}): Promise<void> {
    await writeStatus(knexOf(ctx), id, status)
  }

  /**
   * Revokes a device (its token answers 401 from now on, in every process: no cache). Revoking
   * a revoked device changes nothing; `changed` says whether this call revoked it.
   */
  async revoke(id: string, revokedBy: string, @MedusaContext() ctx: Context = {}): Promise<{ device: DeviceRow; changed: boolean }> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(trx, `update cashless_device set revoked_at = now(), revoked_by = ?, updated_at = now() where id = ? and revoked_at is null and deleted_at is null returning id`, [
        revokedBy,
        id,
      ])
      const device = await deviceById(trx, id)
      if (!device) throw new DeviceError("device_not_found", `Device ${id} not found.`)
      return { device, changed: rows.length > 0 }
    }, ctx)
  }

  /** Compensation of `revoke`. */
  async unrevoke(id: string, @MedusaContext() ctx: Context = {}): Promise<void> {
    await this.transact_((trx) => raw(trx, `update cashless_device set revoked_at = null, revoked_by = null, updated_at = now() where id = ?`, [id]), ctx)
  }

  @InjectTransactionManager()
  protected async transact_<T>(work: (trx: Knex) => Promise<T>, @MedusaContext() ctx: Context = {}): Promise<T> {
    return work(knexOf(ctx))
  }
}

function classify(code: (PairingCodeRow & { expired: boolean }) | null, timeZone: string): PairingCodeRow {
  if (!code) throw new DeviceError("pairing_code_invalid", "This pairing code is not known: check it, or create a new one in Cashless → Devices.")
  if (code.used_at) throw new DeviceError("pairing_code_used", "This pairing code was already used (a code pairs one reader): create a new one in Cashless → Devices.")
  if (code.expired) {
    throw new DeviceError("pairing_code_expired", `This pairing code expired at ${hhmm(new Date(code.expires_at), timeZone)}: create a new one in Cashless → Devices.`)
  }
  return code
}
