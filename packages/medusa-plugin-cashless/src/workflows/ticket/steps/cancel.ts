import type { IInventoryService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TICKET_MODULE } from "../../../modules/ticket"
import type TicketModuleService from "../../../modules/ticket/service"
import type { TicketRecord, TicketStatus } from "../../../modules/ticket/types"

type Previous = Array<{ id: string; status: TicketStatus }>

export const cancelTicketsStep = createStep(
  "cashless-cancel-tickets",
  async (input: { ticket_ids?: string[]; order_id?: string; reason: string; actor: string | null }, { container }) => {
    const result = await container.resolve<TicketModuleService>(TICKET_MODULE).cancelTickets(input)
    return new StepResponse(result.tickets, result.previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (previous?.length) await container.resolve<TicketModuleService>(TICKET_MODULE).restoreStatuses(previous)
  }
)

export const markOrderRefundedStep = createStep(
  "cashless-mark-order-tickets-refunded",
  async (input: { order_id: string; actor: string | null }, { container }) => {
    const result = await container.resolve<TicketModuleService>(TICKET_MODULE).markOrderRefunded(input)
    return new StepResponse(result.tickets, result.previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (previous?.length) await container.resolve<TicketModuleService>(TICKET_MODULE).restoreStatuses(previous)
  }
)

export const markRefundedStep = createStep(
  "cashless-mark-ticket-refunded",
  async (input: { id: string; actor: string | null; override: boolean }, { container }) => {
    const result = await container.resolve<TicketModuleService>(TICKET_MODULE).markRefunded(input)
    if (!result) return new StepResponse({ ticket: null as TicketRecord | null, replayed: true }, [] as Previous)
    return new StepResponse({ ticket: result.ticket as TicketRecord | null, replayed: false }, [{ id: input.id, status: result.previous }] as Previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (previous?.length) await container.resolve<TicketModuleService>(TICKET_MODULE).restoreStatuses(previous)
  }
)

type Released = Array<{ reservation_id: string; quantity: number }>

/**
 * A ticket given back (cancelled or refunded on its own, not with its whole order) frees its seat:
 * its order line's reservation shrinks by one. Medusa's own order cancellation frees the seats of
 * a cancelled order.
 */
export const releaseSeatsStep = createStep(
  "cashless-release-ticket-seats",
  async (tickets: Array<Pick<TicketRecord, "line_item_id">>, { container }) => {
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const released: Released = []
    const perLine = new Map<string, number>()
    for (const t of tickets) perLine.set(t.line_item_id, (perLine.get(t.line_item_id) ?? 0) + 1)
    for (const [lineId, count] of perLine) {
      const [reservation] = await inventory.listReservationItems({ line_item_id: lineId })
      if (!reservation) continue
      const quantity = Number(reservation.quantity)
      if (quantity > count) await inventory.updateReservationItems([{ id: reservation.id, quantity: quantity - count }])
      else await inventory.deleteReservationItems([reservation.id])
      released.push({ reservation_id: reservation.id, quantity })
    }
    return new StepResponse(undefined, released)
  },
  async (released: Released | undefined, { container }) => {
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    for (const r of released ?? []) {
      await inventory.updateReservationItems([{ id: r.reservation_id, quantity: r.quantity }]).catch(async () => {
        await inventory.restoreReservationItems([r.reservation_id])
        await inventory.updateReservationItems([{ id: r.reservation_id, quantity: r.quantity }])
      })
    }
  }
)
