import { MedusaService } from "@medusajs/framework/utils"
import {
  CashlessPointOfSale,
  CashlessSale,
  CashlessStaff,
  CashlessStaffAssignment,
  CashlessTillSession,
} from "./models"

export default class TillModuleService extends MedusaService({
  CashlessPointOfSale,
  CashlessStaff,
  CashlessStaffAssignment,
  CashlessTillSession,
  CashlessSale,
}) {}
