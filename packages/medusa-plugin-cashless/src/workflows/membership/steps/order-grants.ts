import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { decimalOf } from "../../../lib/money"
import { capturedPayments } from "../../../lib/order-payments"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"
import type { GrantInput } from "../../../modules/membership/types"

type OrderForGrants = {
  id: string
  customer_id: string | null
  status: string
  // The quantity lives on the order item's detail; `items.quantity` alone comes back empty.
  items: Array<{ id: string; variant_id: string | null; quantity?: unknown; detail?: { quantity?: unknown } | null; title?: string }> | null
  payment_collections: Array<{ payments: Array<{ captured_at: string | null; canceled_at: string | null }> | null }> | null
}

/**
 * The memberships an order grants: one per line item selling a plan, its quantity as the number
 * of periods, keyed by the line item so a replayed event grants once. Nothing until a payment of
 * the order is captured (an authorized payment can still fail), nothing for a cancelled order.
 */
export const orderMembershipGrantsStep = createStep(
  "cashless-order-membership-grants",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "status",
        "items.id",
        "items.variant_id",
        "items.quantity",
        "items.detail.quantity",
        "items.title",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderForGrants | undefined
    const none = new StepResponse({ grants: [] as GrantInput[], customer_id: null as string | null, reason: "" })
    if (!order) return none
    if (order.status === "canceled" || order.status === "draft") return none
    if (!capturedPayments(order).length || !order.customer_id) return none
    const items = (order.items ?? []).filter((i) => i.variant_id)
    const plans = await container
      .resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
      .plansForVariants(items.map((i) => i.variant_id!))
    const grants: GrantInput[] = items
      .filter((i) => plans.has(i.variant_id!))
      .map((i) => ({
        plan_id: plans.get(i.variant_id!)!.id,
        customer_id: order.customer_id,
        periods: Number(decimalOf(i.detail?.quantity ?? i.quantity)),
        source: "order",
        source_ref: i.id,
        note: `Order ${order.id}`,
        actor: "system:order",
      }))
    return new StepResponse({ grants, customer_id: order.customer_id, reason: "" })
  }
)
