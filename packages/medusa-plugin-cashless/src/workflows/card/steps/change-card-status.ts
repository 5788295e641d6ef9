import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CARD_MODULE } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"
import type { CardStatus, ChangeStatusInput, ReplaceInput } from "../../../modules/card/types"

export const changeCardStatusStep = createStep(
  "cashless-change-card-status",
  async (input: ChangeStatusInput, { container }) => {
    const result = await container.resolve<CardModuleService>(CARD_MODULE).changeCardStatus(input)
    return new StepResponse(result.card, result.changed ? { card_id: result.card.id, status: result.previous_status } : undefined)
  },
  async (undo: { card_id: string; status: CardStatus } | undefined, { container }) => {
    if (!undo) return
    await container.resolve<CardModuleService>(CARD_MODULE).restoreStatus(undo.card_id, undo.status)
  }
)

/** The last step of its workflow, in one transaction: nothing after it can fail. */
export const replaceCardStep = createStep("cashless-replace-card", async (input: ReplaceInput, { container }) => {
  return new StepResponse(await container.resolve<CardModuleService>(CARD_MODULE).replaceCard(input))
})
