import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  CashlessPointOfSale,
  CashlessSale,
  CashlessStaff,
  CashlessStaffAssignment,
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

export default class TillModuleService extends MedusaService({
  CashlessPointOfSale,
  CashlessStaff,
  CashlessStaffAssignment,
  CashlessTillSession,
  CashlessSale,
}) {
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
