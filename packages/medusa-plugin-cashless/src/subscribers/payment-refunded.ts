import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { minorOf } from "../lib/money"
import { orderOfPayment } from "../lib/order-payments"
import { refundOrderTicketsWorkflow } from "../workflows/ticket/ticket-workflows"

type OrderPayments = {
  id: string
  currency_code: string
  payment_collections?: Array<{
    payments?: Array<{ amount: unknown; captured_at: string | null; canceled_at: string | null; refunds?: Array<{ amount: unknown } | null> | null } | null> | null
  } | null> | null
}

/**
 * A ticket order refunded in full from the Medusa admin (not cancelled) admits no one any more:
 * its tickets are marked refunded. A partial refund says nothing about which ticket it pays back,
 * so it changes none (staff refund a ticket from its own page for that). The one subscriber to this event.
 */
export default async function paymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const orderId = await orderOfPayment(container, event.data.id)
  if (!orderId) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "currency_code",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as OrderPayments | undefined
  if (!order) return
  const payments = (order.payment_collections ?? []).flatMap((pc) => pc?.payments ?? []).filter((p) => p?.captured_at && !p.canceled_at)
  const captured = payments.reduce((sum, p) => sum + minorOf(p!.amount, order.currency_code), 0)
  const refunded = payments.reduce((sum, p) => sum + (p!.refunds ?? []).reduce((s, r) => s + (r ? minorOf(r.amount, order.currency_code) : 0), 0), 0)
  if (captured === 0 || refunded < captured) return
  await refundOrderTicketsWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = { event: "payment.refunded", context: { subscriberId: "cashless-payment-refunded" } }
