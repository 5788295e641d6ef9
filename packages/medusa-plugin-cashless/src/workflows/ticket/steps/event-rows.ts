import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TICKET_MODULE } from "../../../modules/ticket"
import type TicketModuleService from "../../../modules/ticket/service"
import type { TicketEventInput, TicketEventRecord, TicketEventUpdate } from "../../../modules/ticket/types"

export const createEventRowStep = createStep(
  "cashless-create-ticket-event-row",
  async (input: TicketEventInput, { container }) => {
    const event = await container.resolve<TicketModuleService>(TICKET_MODULE).createEvent(input)
    return new StepResponse(event, event.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) await container.resolve<TicketModuleService>(TICKET_MODULE).discardEvent(id)
  }
)

export const updateEventRowStep = createStep(
  "cashless-update-ticket-event-row",
  async (input: { id: string; update: TicketEventUpdate }, { container }) => {
    const service = container.resolve<TicketModuleService>(TICKET_MODULE)
    const before = await service.retrieveEvent(input.id)
    const event = await service.updateEvent(input.id, input.update)
    return new StepResponse({ before, event }, before)
  },
  async (before: TicketEventRecord | undefined, { container }) => {
    if (!before) return
    await container.resolve<TicketModuleService>(TICKET_MODULE).updateEvent(before.id, {
      name: before.name,
      venue: before.venue,
      starts_at: before.starts_at,
      ends_at: before.ends_at,
      capacity: before.capacity,
      archived: !!before.archived_at,
      inventory_item_id: before.inventory_item_id,
      stock_location_id: before.stock_location_id,
    })
  }
)
