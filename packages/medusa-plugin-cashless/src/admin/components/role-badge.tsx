import { Badge } from "@medusajs/ui"
import { ROLE_COLOR, ROLE_OPTIONS, type StaffRole } from "../lib/staff"

/** A staff member's cashless role; "No role" reads as "admin for now" while no admin is named. */
export const RoleBadge = ({ role, bootstrap }: { role: StaffRole | null; bootstrap: boolean }) =>
  role ? (
    <Badge size="2xsmall" color={ROLE_COLOR[role]}>
      {ROLE_OPTIONS.find((o) => o.value === role)?.label ?? role}
    </Badge>
  ) : (
    <Badge size="2xsmall" color="grey">
      {bootstrap ? "No role (admin until one is named)" : "No role"}
    </Badge>
  )
