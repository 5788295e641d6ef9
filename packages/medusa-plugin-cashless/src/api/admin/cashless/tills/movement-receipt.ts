import type { MedusaContainer } from "@medusajs/framework/types"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import type { MovementRow } from "../../../../modules/till/lib/till-store"
import { cardView } from "../cards/card-view"

/** A top-up or refund at the till, with the card's new balances: what the cashier reads out. */
export async function movementReceipt(scope: MedusaContainer, movement: MovementRow, replayed: boolean) {
  const card = await scope.resolve<CardModuleService>(CARD_MODULE).retrieveCard(movement.card_id)
  return {
    movement: { ...movement, amount: Number(movement.amount), created_at: new Date(movement.created_at).toISOString(), replayed },
    card: await cardView(scope, card),
  }
}
