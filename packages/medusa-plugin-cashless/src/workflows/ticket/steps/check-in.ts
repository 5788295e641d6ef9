import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TICKET_MODULE } from "../../../modules/ticket"
import type TicketModuleService from "../../../modules/ticket/service"
import type { CheckInInput } from "../../../modules/ticket/types"

/** One atomic write (the ticket's row, under its lock), so nothing before it needs undoing. */
export const checkInStep = createStep("cashless-check-in-ticket", async (input: CheckInInput, { container }) => {
  return new StepResponse(await container.resolve<TicketModuleService>(TICKET_MODULE).checkIn(input))
})
