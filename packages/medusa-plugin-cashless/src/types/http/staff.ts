/** Shapes of the staff routes (`/admin/cashless/staff…`), shared by the routes and the admin page. */
import type { StaffAccess, StaffRole } from "../../modules/till/lib/staff-roles"

export type { StaffRole }

export type StaffMember = {
  user_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  /** The named role; null: none (an admin anyway while no admin is named). */
  role: StaffRole | null
  point_of_sale_ids: string[]
}

export type StaffMe = Omit<StaffAccess, "assigned"> & { point_of_sale_ids: string[] }

export type StaffList = { staff: StaffMember[]; me: StaffMe; bootstrap: boolean }
