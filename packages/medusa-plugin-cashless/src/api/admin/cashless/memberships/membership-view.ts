import type { MedusaContainer } from "@medusajs/framework/types"
import { CARD_MODULE, cardName } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import type { MembershipRecord } from "../../../../modules/membership/types"
import { holdersOf } from "../cards/card-view"

/**
 * Memberships as staff see them: the holder's name and email, or the anonymous card that holds
 * the membership until it is bound.
 */
export async function membershipViews(scope: MedusaContainer, memberships: MembershipRecord[]) {
  const walletIds = [...new Set(memberships.map((m) => m.wallet_id).filter((w): w is string => !!w))]
  const [holders, cards] = await Promise.all([
    holdersOf(scope, memberships.map((m) => m.customer_id).filter((c): c is string => !!c)),
    scope.resolve<CardModuleService>(CARD_MODULE).cardsByWallets(walletIds),
  ])
  const cardOf = new Map(cards.map((c) => [c.wallet_id, c]))
  return memberships.map((m) => {
    const card = m.wallet_id ? cardOf.get(m.wallet_id) : undefined
    return {
      ...m,
      holder: m.customer_id ? (holders.get(m.customer_id) ?? { id: m.customer_id, email: null, name: null }) : null,
      card: card ? { id: card.id, name: cardName(card), status: card.status } : null,
    }
  })
}

export async function membershipView(scope: MedusaContainer, membership: MembershipRecord) {
  return (await membershipViews(scope, [membership]))[0]
}
