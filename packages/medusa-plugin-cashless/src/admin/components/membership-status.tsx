import { StatusBadge } from "@medusajs/ui"
import { formatEnd, formatStart } from "../lib/dates"
import type { MembershipCheck } from "../lib/memberships"

/** The answer staff look for first: is this person (or card) a member right now, and until when. */
export function membershipStatusText(check: MembershipCheck): { text: string; color: "green" | "orange" | "grey" } {
  const plan = check.plan ? ` (${check.plan.name})` : ""
  if (check.status === "valid") {
    return { text: check.ends_at ? `Valid until ${formatEnd(check.ends_at)}${plan}` : `Valid for life${plan}`, color: "green" }
  }
  if (check.status === "expired") return { text: `Expired on ${formatEnd(check.ends_at)}${plan}`, color: "orange" }
  return {
    text: check.upcoming_starts_at ? `No membership yet: starts on ${formatStart(check.upcoming_starts_at)}` : "No membership",
    color: "grey",
  }
}

/** Valid / expired / none in words and colour. */
export const MembershipStatusBadge = ({ check }: { check: MembershipCheck }) => {
  const { text, color } = membershipStatusText(check)
  return (
    <StatusBadge color={color} className="w-fit">
      {text}
    </StatusBadge>
  )
}
