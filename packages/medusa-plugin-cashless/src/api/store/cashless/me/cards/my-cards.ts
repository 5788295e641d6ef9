import type { MedusaContainer } from "@medusajs/framework/types"
import { CARD_MODULE } from "../../../../../modules/card"
import type CardModuleService from "../../../../../modules/card/service"
import type { CardRecord } from "../../../../../modules/card/types"
import { WALLET_MODULE } from "../../../../../modules/wallet"
import type WalletModuleService from "../../../../../modules/wallet/service"

/** A customer's own card: what is printed on it, its state and the wallet it pays from. */
export async function myCardViews(scope: MedusaContainer, cards: CardRecord[]) {
  const wallets = scope.resolve<WalletModuleService>(WALLET_MODULE)
  const ids = [...new Set(cards.map((c) => c.wallet_id).filter((id): id is string => !!id))]
  const balances = ids.length ? await wallets.getBalances(ids) : {}
  return cards.map((c) => ({
    id: c.id,
    printed_number: c.printed_number,
    status: c.status,
    bound_at: c.bound_at,
    balances: c.wallet_id ? (balances[c.wallet_id] ?? []) : [],
  }))
}

export async function myCards(scope: MedusaContainer, customerId: string) {
  const cards = scope.resolve<CardModuleService>(CARD_MODULE)
  const page = await cards.listCardRecords({ customer_ids: [customerId], limit: 200 })
  return myCardViews(scope, page.cards)
}
