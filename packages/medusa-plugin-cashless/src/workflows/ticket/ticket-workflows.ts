import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { CheckInInput, TicketEventInput, TicketEventUpdate } from "../../modules/ticket/types"
import { cancelTicketsStep, markOrderRefundedStep, markRefundedStep, releaseSeatsStep } from "./steps/cancel"
import { checkInStep } from "./steps/check-in"
import { linkEventInventoryStep, linkNewTicketTypesStep, setEventCapacityStep } from "./steps/event-inventory"
import { createEventRowStep, updateEventRowStep } from "./steps/event-rows"
import { issueTicketsStep, orderTicketLinesStep } from "./steps/issue"
import { refundTicketPaymentStep } from "./steps/refund"

export const TICKETS_ISSUED_EVENT = "cashless.tickets.issued"

export type CreateTicketEventWorkflowInput = TicketEventInput & { stock_location_id?: string | null }

/** An event, its capacity as a Medusa inventory item, and its product's variants drawing on it. */
export const createTicketEventWorkflow = createWorkflow("cashless-create-ticket-event", (input: CreateTicketEventWorkflowInput) => {
  const event = createEventRowStep(
    transform({ input }, ({ input }) => ({
      name: input.name,
      venue: input.venue,
      starts_at: input.starts_at,
      ends_at: input.ends_at,
      capacity: input.capacity,
      product_id: input.product_id,
    }))
  )
  const stock = linkEventInventoryStep(
    transform({ input, event }, ({ input, event }) => ({
      event_id: event.id,
      name: event.name,
      product_id: event.product_id,
      capacity: event.capacity,
      stock_location_id: input.stock_location_id,
    }))
  )
  const updated = updateEventRowStep(
    transform({ event, stock }, ({ event, stock }) => ({
      id: event.id,
      update: { inventory_item_id: stock.inventory_item_id, stock_location_id: stock.stock_location_id },
    }))
  )
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.event))
})

/**
 * Facts, archive, and capacity (the stocked quantity of the event's inventory item follows); a
 * ticket type added to the product since is linked to the event's capacity.
 */
export const updateTicketEventWorkflow = createWorkflow(
  "cashless-update-ticket-event",
  (input: { id: string; update: TicketEventUpdate }) => {
    const updated = updateEventRowStep(
      transform({ input }, ({ input }) => {
        const { inventory_item_id: _i, stock_location_id: _s, ...update } = input.update
        return { id: input.id, update }
      })
    )
    linkNewTicketTypesStep(
      transform({ updated }, ({ updated }) => ({ product_id: updated.event.product_id, inventory_item_id: updated.event.inventory_item_id }))
    )
    setEventCapacityStep(
      transform({ updated }, ({ updated }) => ({
        inventory_item_id: updated.event.inventory_item_id,
        stock_location_id: updated.event.stock_location_id,
        capacity: updated.event.capacity,
        previous: updated.before.capacity,
      }))
    )
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.event))
  }
)

/** Payment captured (or a digital order placed already paid): one ticket per unit, once; then the e-mail. */
export const issueOrderTicketsWorkflow = createWorkflow("cashless-issue-order-tickets", (input: { order_id: string }) => {
  const lines = orderTicketLinesStep(input)
  const issued = issueTicketsStep(lines)
  when({ issued }, ({ issued }) => issued.created_ids.length > 0).then(() => {
    emitEventStep({
      eventName: TICKETS_ISSUED_EVENT,
      data: transform({ input, issued }, ({ input, issued }) => ({ order_id: input.order_id, ticket_ids: issued.created_ids })),
    })
  })
  return new WorkflowResponse(issued)
})

export const checkInTicketWorkflow = createWorkflow("cashless-check-in-ticket", (input: CheckInInput) => {
  return new WorkflowResponse(checkInStep(input))
})

/** Staff cancel tickets one by one (no money moves): their seats are free again. */
export const cancelTicketsWorkflow = createWorkflow(
  "cashless-cancel-tickets",
  (input: { ticket_ids: string[]; reason: string; actor: string | null }) => {
    const tickets = cancelTicketsStep(input)
    releaseSeatsStep(tickets)
    return new WorkflowResponse(tickets)
  }
)

/** An order cancelled in Medusa: its tickets too (Medusa frees the order's reservations itself). */
export const cancelOrderTicketsWorkflow = createWorkflow("cashless-cancel-order-tickets", (input: { order_id: string }) => {
  const tickets = cancelTicketsStep(
    transform({ input }, ({ input }) => ({ order_id: input.order_id, reason: `Order ${input.order_id} was cancelled`, actor: "system:order" }))
  )
  return new WorkflowResponse(tickets)
})

/**
 * An order whose payments were refunded in full in the Medusa admin: its tickets are refunded
 * too, and their seats freed (the order itself is not cancelled, so Medusa keeps its reservations).
 */
export const refundOrderTicketsWorkflow = createWorkflow("cashless-refund-order-tickets", (input: { order_id: string }) => {
  const tickets = markOrderRefundedStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, actor: "system:order" })))
  releaseSeatsStep(tickets)
  return new WorkflowResponse(tickets)
})

/**
 * One ticket paid back: marked refunded under its lock (so twice at once pays once), its seat
 * freed, then its price refunded to the order's payment, last.
 */
export const refundTicketWorkflow = createWorkflow(
  "cashless-refund-ticket",
  (input: { id: string; actor: string | null; reason: string | null; override: boolean }) => {
    const marked = markRefundedStep(transform({ input }, ({ input }) => ({ id: input.id, actor: input.actor, override: input.override })))
    const refund = when({ marked }, ({ marked }) => !marked.replayed).then(() => {
      releaseSeatsStep(transform({ marked }, ({ marked }) => (marked.ticket ? [marked.ticket] : [])))
      return refundTicketPaymentStep(
        transform({ input, marked }, ({ input, marked }) => ({ ticket: marked.ticket!, actor: input.actor, reason: input.reason }))
      )
    })
    return new WorkflowResponse(transform({ marked, refund }, ({ marked, refund }) => ({ replayed: marked.replayed, refund: refund ?? null })))
  }
)
