import type { MedusaContainer } from "@medusajs/framework/types"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import type { MovementRow } from "../../../../modules/till/lib/till-store"
import { cardView } from "../cards/card-view"

/**
 * A top-up, refund or card void at the till, with the card's balances now: what the cashier reads
 * out. For a void, `movement.amount` is the cash to hand over and `movement.details` what was
 * forfeited, which memberships ended, or whose account kept the money of a bound card.
 */
export async function movementReceipt(scope: MedusaContainer, movement: MovementRow, replayed: boolean) {
  const card = await scope.resolve<CardModuleService>(CARD_MODULE).retrieveCard(movement.card_id)
  return {
    movement: { ...movement, amount: Number(movement.amount), created_at: new Date(movement.created_at).toISOString(), replayed },
    card: await cardView(scope, card),
  }
}
