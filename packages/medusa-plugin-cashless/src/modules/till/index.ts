import { Module } from "@medusajs/framework/utils"
import TillModuleService from "./service"

export const TILL_MODULE = "cashless_till"

export default Module(TILL_MODULE, {
  service: TillModuleService,
})

export { TillError } from "./lib/errors"
export type { default as TillModuleService } from "./service"
export type { SaleStockStatus, StockMove } from "./lib/stock-marker"
