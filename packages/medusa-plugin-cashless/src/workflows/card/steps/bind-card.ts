import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CARD_MODULE } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"
import type { BindInput, BindResult } from "../../../modules/card/types"

export const bindCardStep = createStep(
  "cashless-bind-card",
  async (input: BindInput, { container }) => {
    const cards = container.resolve<CardModuleService>(CARD_MODULE)
    const result = await cards.bindCard(input)
    return new StepResponse(result, result.changed ? { card_id: result.card.id, previous: result.previous } : undefined)
  },
  async (undo: { card_id: string; previous: BindResult["previous"] } | undefined, { container }) => {
    if (!undo) return
    await container.resolve<CardModuleService>(CARD_MODULE).restoreBinding(undo.card_id, undo.previous)
  }
)
