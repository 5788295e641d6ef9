import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderMembershipsWorkflow } from "../workflows/membership/membership-workflows"
import { orderCanceledWalletsWorkflow } from "../workflows/order-money/order-canceled-wallets"
import { cancelOrderTicketsWorkflow } from "../workflows/ticket/ticket-workflows"

/**
 * An order cancelled from the Medusa admin has had its payment refunded: its top-up money
 * leaves the wallet, what it paid with the wallet comes back, and the memberships it granted
 * and tickets are cancelled with the order as the reason. The one subscriber to this event.
 */
export default async function orderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await orderCanceledWalletsWorkflow(container).run({ input: { order_id: event.data.id } })
  await cancelOrderTicketsWorkflow(container).run({ input: { order_id: event.data.id } })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id: event.data.id } })
  const itemIds = ((data[0] as { items?: Array<{ id: string }> | null } | undefined)?.items ?? []).map((i) => i.id)
  if (!itemIds.length) return
  await cancelOrderMembershipsWorkflow(container).run({ input: { order_id: event.data.id, item_ids: itemIds } })
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "cashless-order-canceled" } }
