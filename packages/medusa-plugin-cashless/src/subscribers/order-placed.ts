import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { digitalOrder } from "../lib/order-payments"
import { grantOrderMembershipsWorkflow } from "../workflows/membership/membership-workflows"
import { issueOrderTicketsWorkflow } from "../workflows/ticket/ticket-workflows"
import { creditOrderTopUpsWorkflow } from "../workflows/top-up/top-up-workflows"

/**
 * An order of digital goods only (memberships, top-ups, tickets) has nothing to ship: capture its payment now,
 * which grants it (payment.captured). A provider that captured on authorization already did:
 * grant directly, idempotently. The one subscriber to this event.
 */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const order = await digitalOrder(container, event.data.id)
  if (!order?.digital) return
  for (const paymentId of order.uncaptured_payment_ids) {
    try {
      await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, captured_by: "system:cashless" } })
    } catch (err) {
      // The payment stays authorized and visible in the admin, where staff can capture it.
      logger.error(`cashless: could not capture payment ${paymentId} of digital order ${order.order_id}: ${(err as Error).message}`)
    }
  }
  if (!order.uncaptured_payment_ids.length) {
    await creditOrderTopUpsWorkflow(container).run({ input: { order_id: order.order_id } })
    await grantOrderMembershipsWorkflow(container).run({ input: { order_id: order.order_id } })
    await issueOrderTicketsWorkflow(container).run({ input: { order_id: order.order_id } })
  }
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "cashless-order-placed" } }
