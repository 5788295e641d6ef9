import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CARD_MODULE, cardName, cardWalletId } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"

/**
 * The card a reader read, usable, with its wallet. The first use creates the card's
 * anonymous wallet under an id derived from the card: simultaneous first taps create it once
 * and attach the same one. Nothing here needs undoing: an empty wallet holds no money.
 */
export const useCardStep = createStep(
  "cashless-use-card",
  async (input: { uid: string; actor?: string | null }, { container }) => {
    const cards = container.resolve<CardModuleService>(CARD_MODULE)
    const card = await cards.resolveCardForUse(input.uid, input.actor ?? null)
    if (card.wallet_id) return new StepResponse(card)
    const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
    const wallet = await wallets.createWallet({ id: cardWalletId(card.id), label: `Card ${cardName(card)} (anonymous)` })
    return new StepResponse(await cards.attachWallet(card.id, wallet.id, input.actor ?? null))
  }
)
