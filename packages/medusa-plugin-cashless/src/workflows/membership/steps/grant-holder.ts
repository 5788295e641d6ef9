import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { withCardWallet } from "../../../lib/card-wallet"
import { CARD_MODULE } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"

/**
 * Who a staff grant is for: a customer, or a card — its holder when bound, otherwise the card's
 * own wallet (created on this first use), so that binding the card later carries it over.
 */
export const grantHolderStep = createStep(
  "cashless-grant-holder",
  async (input: { customer_id?: string | null; card_id?: string | null; actor?: string | null }, { container }) => {
    if (input.customer_id) return new StepResponse({ customer_id: input.customer_id, wallet_id: null as string | null })
    if (!input.card_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Say who the membership is for: a customer or a card.")
    }
    const cards = container.resolve<CardModuleService>(CARD_MODULE)
    const found = await cards.retrieveCard(input.card_id)
    const card = await cards.resolveCardForUse(found.uid, input.actor ?? null)
    if (card.customer_id) return new StepResponse({ customer_id: card.customer_id as string | null, wallet_id: null as string | null })
    const { wallet_id } = await withCardWallet(container, card, input.actor ?? null)
    return new StepResponse({ customer_id: null as string | null, wallet_id: wallet_id as string | null })
  }
)
