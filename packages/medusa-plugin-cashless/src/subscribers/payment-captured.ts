import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderOfPayment } from "../lib/order-payments"
import { grantOrderMembershipsWorkflow } from "../workflows/membership/membership-workflows"
import { issueOrderTicketsWorkflow } from "../workflows/ticket/ticket-workflows"
import { creditOrderTopUpsWorkflow } from "../workflows/top-up/top-up-workflows"

/**
 * A captured payment is money that stays: credit the order's top-ups, grant its memberships, issue its tickets. Every effect is keyed by
 * the order line, so a replayed event changes nothing. The one subscriber to this event.
 */
export default async function paymentCaptured({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const orderId = await orderOfPayment(container, event.data.id)
  if (!orderId) return
  // A till sale's order: the till already granted and credited what the sale sold.
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "metadata"], filters: { id: orderId } })
  if ((data[0] as { metadata?: Record<string, unknown> | null } | undefined)?.metadata?.cashless_sale_id) return
  const { result: credited } = await creditOrderTopUpsWorkflow(container).run({ input: { order_id: orderId, payment_id: event.data.id } })
  const { result } = await grantOrderMembershipsWorkflow(container).run({ input: { order_id: orderId } })
  const { result: tickets } = await issueOrderTicketsWorkflow(container).run({ input: { order_id: orderId } })
  const created = result.filter((r) => r.created)
  const newCredits = credited.filter((r) => !r.replayed)
  if (newCredits.length) logger.info(`cashless: order ${orderId} credited ${newCredits.length} top-up(s)`)
  if (created.length) logger.info(`cashless: order ${orderId} granted ${created.length} membership(s)`)
  if (tickets.created_ids.length) logger.info(`cashless: order ${orderId} issued ${tickets.created_ids.length} ticket(s)`)
}

export const config: SubscriberConfig = { event: "payment.captured", context: { subscriberId: "cashless-payment-captured" } }
