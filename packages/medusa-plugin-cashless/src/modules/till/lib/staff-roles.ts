/** The plugin's staff roles, lowest first: each one can do everything the ones before it can. */
export const STAFF_ROLES = ["cashier", "manager", "admin"] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

const RANK: Record<StaffRole, number> = { cashier: 1, manager: 2, admin: 3 }

/** Does `role` reach `min`? No role reaches nothing. */
export const hasRole = (role: StaffRole | null, min: StaffRole): boolean => role !== null && RANK[role] >= RANK[min]

export const isStaffRole = (value: unknown): value is StaffRole => STAFF_ROLES.includes(value as StaffRole)

/**
 * What a user may do, as the permission middleware reads it in one query.
 * `role` is the effective role: the named one, or `admin` during bootstrap (no admin named yet,
 * so a fresh install, and every test suite with a single user, keeps working).
 */
export type StaffAccess = {
  user_id: string
  role: StaffRole | null
  named_role: StaffRole | null
  bootstrap: boolean
  /** Assigned to the point of sale asked about; null when none was asked about. */
  assigned: boolean | null
}
