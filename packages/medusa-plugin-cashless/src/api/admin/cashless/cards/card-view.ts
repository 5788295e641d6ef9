import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cardMembership } from "../../../../lib/card-membership"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import type { CardRecord } from "../../../../modules/card/types"
import { WALLET_MODULE } from "../../../../modules/wallet"
import type WalletModuleService from "../../../../modules/wallet/service"
import type { WalletBalance } from "../../../../modules/wallet/types"

export type Holder = { id: string; email: string | null; name: string | null }

type Customer = { id: string; email?: string | null; first_name?: string | null; last_name?: string | null }

/** The holders of these customer ids, through the customer module. */
export async function holdersOf(scope: MedusaContainer, ids: string[]): Promise<Map<string, Holder>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name"],
    filters: { id: unique },
  })
  return new Map(
    (data as Customer[]).map((c) => [
      c.id,
      { id: c.id, email: c.email ?? null, name: [c.first_name, c.last_name].filter(Boolean).join(" ") || null },
    ])
  )
}

/**
 * Cards as staff see them: holder (null: anonymous), the wallet's balances (empty before
 * first use) and the address of the card's QR code.
 */
export async function cardViews(scope: MedusaContainer, cards: CardRecord[]) {
  const cardModule = scope.resolve<CardModuleService>(CARD_MODULE)
  const wallets = scope.resolve<WalletModuleService>(WALLET_MODULE)
  const walletIds = [...new Set(cards.map((c) => c.wallet_id).filter((id): id is string => !!id))]
  const [holders, balances] = await Promise.all([
    holdersOf(scope, cards.map((c) => c.customer_id).filter((id): id is string => !!id)),
    walletIds.length ? wallets.getBalances(walletIds) : Promise.resolve({} as Record<string, WalletBalance[]>),
  ])
  return cards.map((card) => ({
    ...card,
    qr_url: cardModule.qrUrlOf(card.qr_token),
    holder: card.customer_id ? (holders.get(card.customer_id) ?? { id: card.customer_id, email: null, name: null }) : null,
    balances: card.wallet_id ? (balances[card.wallet_id] ?? []) : [],
  }))
}

/** One card, with its membership status too (what a cashier needs after a tap). */
export async function cardView(scope: MedusaContainer, card: CardRecord) {
  const [[view], membership] = await Promise.all([cardViews(scope, [card]), cardMembership(scope, card)])
  return { ...view, membership }
}
