import { Module } from "@medusajs/framework/utils"
import CardModuleService from "./service"

export const CARD_MODULE = "cashless_card"

export default Module(CARD_MODULE, {
  service: CardModuleService,
})

export { cardName, cardWalletId, refuseUnusable } from "./service"
export { CardError } from "./lib/errors"
export * from "./types"
export type { default as CardModuleService } from "./service"
