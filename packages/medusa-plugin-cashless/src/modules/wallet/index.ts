import { Module } from "@medusajs/framework/utils"
import WalletModuleService from "./service"

export const WALLET_MODULE = "cashless_wallet"

export default Module(WALLET_MODULE, {
  service: WalletModuleService,
})

export type { WalletModuleOptions } from "./service"
export * from "./types"
