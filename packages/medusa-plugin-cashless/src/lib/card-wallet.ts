import type { MedusaContainer } from "@medusajs/framework/types"
import { CARD_MODULE, cardName, cardWalletId } from "../modules/card"
import type CardModuleService from "../modules/card/service"
import type { CardRecord } from "../modules/card/types"
import { WALLET_MODULE } from "../modules/wallet"
import type WalletModuleService from "../modules/wallet/service"

/**
 * The card with a wallet: its own, or its holder's once bound. The first use creates the card's
 * anonymous wallet under an id derived from the card, so two first uses at once create one and
 * attach the same one. Nothing to undo: an empty wallet holds no money.
 */
export async function withCardWallet(container: MedusaContainer, card: CardRecord, actor: string | null): Promise<CardRecord & { wallet_id: string }> {
  if (card.wallet_id) return card as CardRecord & { wallet_id: string }
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const wallet = await wallets.createWallet({ id: cardWalletId(card), label: `Card ${cardName(card)} (anonymous)` })
  const attached = await container.resolve<CardModuleService>(CARD_MODULE).attachWallet(card.id, wallet.id, actor)
  return attached as CardRecord & { wallet_id: string }
}
