import type { MedusaContainer } from "@medusajs/framework/types"
import type { CardRecord } from "../modules/card/types"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import type { MembershipCheck } from "../modules/membership/types"

const NONE: MembershipCheck = { status: "none", plan: null, starts_at: null, ends_at: null, upcoming_starts_at: null, plans: [] }

/** A card's membership: its holder's once bound, the card's own (its wallet's) while anonymous. */
export async function cardMembership(scope: MedusaContainer, card: CardRecord): Promise<MembershipCheck> {
  const memberships = scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  if (card.customer_id) return memberships.check({ customer_id: card.customer_id })
  if (card.wallet_id) return memberships.check({ wallet_id: card.wallet_id })
  return NONE
}

/** What a QR code may tell a stranger: valid / expired / none, the plan's name, the end. */
export function publicMembership(check: MembershipCheck) {
  return { status: check.status, plan: check.plan ? { name: check.plan.name } : null, ends_at: check.ends_at }
}
