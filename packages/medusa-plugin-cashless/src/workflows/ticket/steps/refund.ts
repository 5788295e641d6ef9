import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { minorOf, toMajorUnits } from "../../../lib/money"
import { TicketError } from "../../../modules/ticket"
import type { TicketRecord } from "../../../modules/ticket/types"

type RefundPaymentWorkflowInput = Parameters<typeof refundPaymentWorkflow.runAsStep>[0]["input"]
type Payment = {
  id: string
  amount: unknown
  captured_at: string | null
  canceled_at: string | null
  refunds?: Array<{ amount: unknown; metadata?: Record<string, unknown> | null } | null> | null
}
type OrderForRefund = {
  id: string
  currency_code: string
  items?: Array<{ id: string; unit_price: unknown; total?: unknown; quantity?: unknown; detail?: { quantity?: unknown } | null }> | null
  payment_collections?: Array<{ payments?: Payment[] | null } | null> | null
}

/** Medusa stores this on the refund it makes, so a retry after a crash sees the ticket paid back. */
export const TICKET_REFUND_KEY = "cashless_ticket_id"

/**
 * Pays a ticket back: what its order line cost per unit (its total, discounts and taxes included,
 * divided by its quantity), from one captured payment of its order, through Medusa's refund flow
 * (Stripe in production). Runs last in its workflow: money that left is not called back.
 */
export const refundTicketPaymentStep = createStep(
  "cashless-refund-ticket-payment",
  async (input: { ticket: TicketRecord; actor: string | null; reason: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "currency_code",
        "items.id",
        "items.unit_price",
        "items.total",
        "items.quantity",
        "items.detail.quantity",
        "payment_collections.payments.id",
        "payment_collections.payments.amount",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.refunds.amount",
        "payment_collections.payments.refunds.metadata",
      ],
      filters: { id: input.ticket.order_id },
    })
    const order = data[0] as OrderForRefund | undefined
    const item = order?.items?.find((i) => i.id === input.ticket.line_item_id)
    if (!order || !item) throw TicketError.invalid(`The order line of ticket ${input.ticket.id} is gone: nothing to refund it from.`)
    const currency = order.currency_code
    const quantity = Number(item.detail?.quantity ?? item.quantity ?? 1) || 1
    const lineTotal = item.total != null ? minorOf(item.total, currency) : minorOf(item.unit_price, currency) * quantity
    const amount = Math.floor(lineTotal / quantity)
    const payments = (order.payment_collections ?? []).flatMap((pc) => pc?.payments ?? []).filter((p) => p.captured_at && !p.canceled_at)
    const refunded = (p: Payment) => (p.refunds ?? []).reduce((sum, r) => sum + (r ? minorOf(r.amount, currency) : 0), 0)
    if (payments.some((p) => (p.refunds ?? []).some((r) => r?.metadata?.[TICKET_REFUND_KEY] === input.ticket.id))) {
      return new StepResponse({ amount, currency_code: currency, replayed: true })
    }
    if (amount === 0) return new StepResponse({ amount, currency_code: currency, replayed: false })
    const payment = payments.find((p) => minorOf(p.amount, currency) - refunded(p) >= amount)
    if (!payment) {
      throw new TicketError(
        MedusaError.Types.NOT_ALLOWED,
        `No captured payment of order ${order.id} has ${amount} ${currency.toUpperCase()} cents left to refund (it was paid otherwise, or refunded already): cancel the ticket instead, and settle the money by hand.`,
        "ticket_not_refundable"
      )
    }
    await refundPaymentWorkflow(container).run({
      input: {
        payment_id: payment.id,
        amount: toMajorUnits(amount, currency),
        created_by: input.actor ?? undefined,
        note: `Ticket ${input.ticket.id} refunded${input.reason ? `: ${input.reason}` : ""}`,
        metadata: { [TICKET_REFUND_KEY]: input.ticket.id },
      } as RefundPaymentWorkflowInput,
    })
    return new StepResponse({ amount, currency_code: currency, replayed: false })
  }
)
