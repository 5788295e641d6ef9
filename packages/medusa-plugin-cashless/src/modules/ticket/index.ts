import { Module } from "@medusajs/framework/utils"
import TicketModuleService from "./service"

export const TICKET_MODULE = "cashless_ticket"

export default Module(TICKET_MODULE, {
  service: TicketModuleService,
})

export { TicketError } from "./lib/errors"
export { newTicketSecret, TICKET_SECRET, ticketSecretOf } from "./lib/secret"
export * from "./types"
export type { default as TicketModuleService } from "./service"
