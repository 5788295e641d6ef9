import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { raw } from "../../../lib/sql"
import { TillError } from "./errors"
import { isStaffRole, type StaffAccess, type StaffRole } from "./staff-roles"

export { hasRole, isStaffRole, STAFF_ROLES, type StaffAccess, type StaffRole } from "./staff-roles"

type ManagerContext = Context & { manager?: unknown; transactionManager?: unknown }

/** The knex of the decorated service method: its transaction when it has one. */
export function knexOf(ctx: ManagerContext): Knex {
  const manager = (ctx.transactionManager ?? ctx.manager) as { getTransactionContext(): Knex | undefined; getKnex(): Knex }
  return manager.getTransactionContext() ?? manager.getKnex()
}

/**
 * One statement, on the unique `user_id` index and the tiny staff tables: the middleware runs it
 * on every plugin request, so nothing is cached (a role removed in one process is enforced by all
 * the others at once).
 */
export async function readAccess(knex: Knex, userId: string, posId: string | null): Promise<StaffAccess> {
  const { rows } = await raw(
    knex,
    `select (select role from cashless_staff where user_id = ? and deleted_at is null) as role,
            exists (select 1 from cashless_staff where role = 'admin' and deleted_at is null) as has_admin,
            case when ?::text is null then null
                 else exists (select 1 from cashless_staff_assignment
                               where user_id = ? and point_of_sale_id = ? and deleted_at is null) end as assigned`,
    [userId, posId, userId, posId]
  )
  const named = isStaffRole(rows[0]?.role) ? (rows[0].role as StaffRole) : null
  const bootstrap = rows[0]?.has_admin !== true
  return {
    user_id: userId,
    role: named ?? (bootstrap ? "admin" : null),
    named_role: named,
    bootstrap,
    assigned: rows[0]?.assigned ?? null,
  }
}

/**
 * Names, changes or removes (null) a user's role. Role changes are serialised by one advisory
 * lock, so two admins demoting each other at the same moment cannot leave the shop without one.
 */
export async function writeRole(trx: Knex, userId: string, role: StaffRole | null): Promise<void> {
  await raw(trx, `select pg_advisory_xact_lock(hashtext('cashless_staff_roles'))`)
  const { rows } = await raw(trx, `select user_id, role from cashless_staff where role = 'admin' and deleted_at is null`)
  const admins = rows.map((r: { user_id: string }) => r.user_id)
  if (admins.length === 1 && admins[0] === userId && role !== "admin") {
    throw new TillError(
      "last_admin",
      role
        ? `This is the last cashless admin: name another admin before making this user a ${role}.`
        : "This is the last cashless admin: name another admin before removing this user's role."
    )
  }
  if (role === null) {
    await raw(trx, `update cashless_staff set deleted_at = now(), updated_at = now() where user_id = ? and deleted_at is null`, [userId])
    return
  }
  await raw(
    trx,
    `insert into cashless_staff (id, user_id, role) values (?, ?, ?)
     on conflict (user_id) where deleted_at is null do update set role = excluded.role, updated_at = now()`,
    [generateEntityId(undefined, "cstaff"), userId, role]
  )
}

export async function insertAssignment(trx: Knex, userId: string, posId: string): Promise<void> {
  const { rows } = await raw(trx, `select id from cashless_point_of_sale where id = ? and deleted_at is null`, [posId])
  if (!rows.length) throw new TillError("pos_not_found", `Point of sale ${posId} not found.`)
  await raw(
    trx,
    `insert into cashless_staff_assignment (id, user_id, point_of_sale_id) values (?, ?, ?)
     on conflict (user_id, point_of_sale_id) where deleted_at is null do nothing`,
    [generateEntityId(undefined, "cstasg"), userId, posId]
  )
}

export async function deleteAssignment(trx: Knex, userId: string, posId: string): Promise<void> {
  await raw(
    trx,
    `update cashless_staff_assignment set deleted_at = now(), updated_at = now()
      where user_id = ? and point_of_sale_id = ? and deleted_at is null`,
    [userId, posId]
  )
}

export async function assignmentsOf(knex: Knex, userId: string): Promise<string[]> {
  const { rows } = await raw(
    knex,
    `select point_of_sale_id from cashless_staff_assignment where user_id = ? and deleted_at is null order by created_at, point_of_sale_id`,
    [userId]
  )
  return rows.map((r: { point_of_sale_id: string }) => r.point_of_sale_id)
}
