import { StatusBadge } from "@medusajs/ui"
import { type MembershipState, STATE_COLOR } from "../lib/memberships"

export const MembershipStateBadge = ({ state }: { state: MembershipState }) => (
  <StatusBadge color={STATE_COLOR[state]} className="capitalize">
    {state}
  </StatusBadge>
)
