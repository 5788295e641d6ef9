import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { TILL_MODULE } from "../../../../modules/till"
import type { StaffRole } from "../../../../modules/till/lib/staff"
import type TillModuleService from "../../../../modules/till/service"
import type { StaffMe, StaffMember } from "../../../../types/http/staff"

/** Enough for any shop's staff on one page; the list is not paginated. */
const MAX_USERS = 1000

export async function staffMe(scope: MedusaContainer, userId: string): Promise<StaffMe> {
  const till = scope.resolve<TillModuleService>(TILL_MODULE)
  const [access, pointOfSaleIds] = await Promise.all([till.roleOf(userId), till.assignedPointsOfSale(userId)])
  const { assigned: _assigned, ...rest } = access
  return { ...rest, point_of_sale_ids: pointOfSaleIds }
}

/**
 * Medusa's admin users with their cashless role and points of sale, then the roles held by
 * something that is not a user (a secret API key, a deleted user) so none stays invisible.
 */
export async function staffList(scope: MedusaContainer, userIds?: string[]): Promise<StaffMember[]> {
  const till = scope.resolve<TillModuleService>(TILL_MODULE)
  const users = await scope
    .resolve(Modules.USER)
    .listUsers(userIds ? { id: userIds } : {}, { select: ["id", "email", "first_name", "last_name"], take: MAX_USERS, order: { email: "ASC" } })
  const staffFilter = userIds ? { user_id: userIds } : {}
  const [roles, assignments] = await Promise.all([
    till.listCashlessStaffs(staffFilter, { select: ["user_id", "role"] }),
    till.listCashlessStaffAssignments(staffFilter, { select: ["user_id", "point_of_sale_id"], order: { created_at: "ASC" } }),
  ])
  const roleOf = new Map(roles.map((r) => [r.user_id, r.role as StaffRole]))
  const posOf = (id: string) => assignments.filter((a) => a.user_id === id).map((a) => a.point_of_sale_id)
  const members: StaffMember[] = users.map((u) => ({
    user_id: u.id,
    email: u.email,
    first_name: u.first_name ?? null,
    last_name: u.last_name ?? null,
    role: roleOf.get(u.id) ?? null,
    point_of_sale_ids: posOf(u.id),
  }))
  const known = new Set(users.map((u) => u.id))
  for (const r of roles) {
    if (known.has(r.user_id)) continue
    members.push({ user_id: r.user_id, email: null, first_name: null, last_name: null, role: r.role as StaffRole, point_of_sale_ids: posOf(r.user_id) })
  }
  return members
}
