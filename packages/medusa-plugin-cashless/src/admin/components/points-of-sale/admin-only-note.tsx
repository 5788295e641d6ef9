import { Text } from "@medusajs/ui"
import type { StaffMe } from "../../../types/http/staff"

/** Why the create and edit buttons are missing: points of sale are a cashless admin's. */
export const AdminOnlyNote = ({ me }: { me: StaffMe | undefined }) =>
  me && me.role !== "admin" ? (
    <Text size="small" className="text-ui-fg-subtle">
      You are {me.role ? `a ${me.role}` : "without a cashless role"}: only a cashless admin can create, change or archive points of sale.
    </Text>
  ) : null
