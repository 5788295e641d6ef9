import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import { ticketVariants } from "./ticket-variants"
import { topUpVariants } from "./top-up"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, unknown>> }> }

/** The order a payment belongs to, through its payment collection. */
export async function orderOfPayment(container: MedusaContainer, paymentId: string): Promise<string | null> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({ entity: "payment", fields: ["id", "payment_collection_id"], filters: { id: paymentId } })
  const collectionId = payments[0]?.payment_collection_id as string | undefined
  if (!collectionId) return null
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionId },
  })
  return (links[0]?.order_id as string | undefined) ?? null
}

type PaymentState = { id?: string; captured_at: string | null; canceled_at: string | null }

/** The payments of an order that brought money in: captured and not cancelled. */
export function capturedPayments<P extends PaymentState>(order: { payment_collections?: Array<{ payments?: P[] | null }> | null }): P[] {
  return (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? []).filter((p) => p.captured_at && !p.canceled_at)
}

export type DigitalOrder = { order_id: string; uncaptured_payment_ids: string[]; digital: boolean }

/**
 * Is everything in this order digital (memberships, top-ups, tickets)? Such an order has nothing to
 * ship, so its payment is captured as soon as it is placed.
 */
export async function digitalOrder(container: MedusaContainer, orderId: string): Promise<DigitalOrder | null> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "items.variant_id", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
    filters: { id: orderId },
  })
  const order = data[0] as
    | {
        items?: Array<{ variant_id: string | null }> | null
        payment_collections?: Array<{ payments?: Array<{ id: string; captured_at: string | null; canceled_at: string | null }> | null }> | null
      }
    | undefined
  if (!order) return null
  const variantIds = (order.items ?? []).map((i) => i.variant_id)
  const known = variantIds.filter((v): v is string => !!v)
  const [plans, topUps, tickets] = await Promise.all([
    container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).plansForVariants(known),
    topUpVariants(container, known),
    ticketVariants(container, known),
  ])
  const digital = variantIds.length > 0 && variantIds.every((v) => v && (plans.has(v) || topUps.has(v) || tickets.has(v)))
  const uncaptured = (order.payment_collections ?? [])
    .flatMap((pc) => pc.payments ?? [])
    .filter((p) => !p.captured_at && !p.canceled_at)
    .map((p) => p.id)
  return { order_id: orderId, uncaptured_payment_ids: uncaptured, digital }
}
