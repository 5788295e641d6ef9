import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decimalOf } from "../../../lib/money"
import { capturedPayments } from "../../../lib/order-payments"
import { TICKET_MODULE } from "../../../modules/ticket"
import type TicketModuleService from "../../../modules/ticket/service"
import type { IssueLine } from "../../../modules/ticket/types"

type Person = { first_name?: string | null; last_name?: string | null } | null | undefined
type OrderForTickets = {
  id: string
  email: string | null
  customer_id: string | null
  status: string
  customer?: (Person & { email?: string | null }) | null
  billing_address?: Person
  // The quantity lives on the order item's detail; `items.quantity` alone comes back empty.
  items: Array<{
    id: string
    product_id: string | null
    variant_id: string | null
    title?: string | null
    variant_title?: string | null
    quantity?: unknown
    detail?: { quantity?: unknown } | null
  }> | null
  payment_collections: Array<{ payments: Array<{ captured_at: string | null; canceled_at: string | null }> | null }> | null
}

const nameOf = (p: Person) => [p?.first_name, p?.last_name].filter(Boolean).join(" ").trim() || null

/**
 * The tickets an order's lines buy: one line per order item selling an event's ticket type. None
 * until a payment of the order is captured, none for a cancelled order. The holder is the
 * buyer (billing name, else the customer's), reached at the order's email.
 */
export const orderTicketLinesStep = createStep("cashless-order-ticket-lines", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "email",
      "customer_id",
      "status",
      "customer.first_name",
      "customer.last_name",
      "customer.email",
      "billing_address.first_name",
      "billing_address.last_name",
      "items.id",
      "items.product_id",
      "items.variant_id",
      "items.title",
      "items.variant_title",
      "items.quantity",
      "items.detail.quantity",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
    ],
    filters: { id: input.order_id },
  })
  const order = data[0] as OrderForTickets | undefined
  if (!order || order.status === "canceled" || order.status === "draft" || !capturedPayments(order).length) return new StepResponse([] as IssueLine[])
  const items = (order.items ?? []).filter((i) => i.product_id && i.variant_id)
  const events = await container.resolve<TicketModuleService>(TICKET_MODULE).eventsForProducts(items.map((i) => i.product_id!))
  const holder = nameOf(order.billing_address) ?? nameOf(order.customer)
  const lines: IssueLine[] = items
    .filter((i) => events.has(i.product_id!))
    .map((i) => ({
      event_id: events.get(i.product_id!)!.id,
      variant_id: i.variant_id!,
      type_title: i.variant_title || i.title || "Ticket",
      holder_name: holder,
      holder_email: order.email ?? order.customer?.email ?? null,
      customer_id: order.customer_id,
      order_id: order.id,
      line_item_id: i.id,
      quantity: Number(decimalOf(i.detail?.quantity ?? i.quantity)),
    }))
  return new StepResponse(lines)
})

export const issueTicketsStep = createStep(
  "cashless-issue-tickets",
  async (lines: IssueLine[], { container }) => {
    const result = await container.resolve<TicketModuleService>(TICKET_MODULE).issueTickets(lines)
    return new StepResponse(result, result.created_ids)
  },
  async (created: string[] | undefined, { container }) => {
    if (created?.length) await container.resolve<TicketModuleService>(TICKET_MODULE).discardIssued(created)
  }
)
