import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withCardWallet } from "../../../lib/card-wallet"
import { CARD_MODULE } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"

/** The card a reader read, usable, with its wallet (created on first use). */
export const useCardStep = createStep(
  "cashless-use-card",
  async (input: { uid: string; actor?: string | null }, { container }) => {
    const card = await container.resolve<CardModuleService>(CARD_MODULE).resolveCardForUse(input.uid, input.actor ?? null)
    return new StepResponse(await withCardWallet(container, card, input.actor ?? null))
  }
)
