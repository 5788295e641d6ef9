import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { creditOrderTopUpsWorkflow, refundWalletWorkflow, startTopUpWorkflow } from "medusa-plugin-cashless/workflows"
import { ensureCustomer } from "./seed-demo-cards"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

const DEMO_KEY = "cashless_demo_key"

/**
 * Online money on the first `npm run dev`: Noé (whose card N° 0003 was merged into his wallet)
 * topped up his wallet twice in the shop (two
 * orders through Medusa's checkout, system provider) and had 25.00 EUR refunded, which the
 * plugin split across both payments, newest first. The wallet page shows all of it.
 */
export async function seedDemoOnline(container: MedusaContainer, shopChannelId: string) {
  const customerId = await ensureCustomer(container, "noe.dubois@example.com", "Noé", "Dubois")
  const [region] = await container.resolve(Modules.REGION).listRegions({ name: "Europe" })
  for (const [i, amount] of [3000, 2000].entries()) {
    await topUpOrder(container, `demo-seed:noe:top-up-${i}`, { customerId, regionId: region.id, channelId: shopChannelId, amount })
  }
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "cashless_wallet.id"], filters: { id: customerId } })
  await refundWalletWorkflow(container).run({
    input: {
      wallet_id: data[0].cashless_wallet.id,
      currency_code: "eur",
      amount: 2500,
      idempotency_key: "demo-seed:noe:refund",
      actor: "system:demo-seed",
      reason: "Moving to Lyon: most of it back, please",
    },
  })
}

/** One top-up bought through checkout, found again by its cart's metadata on a second run. */
async function topUpOrder(
  container: MedusaContainer,
  demoKey: string,
  input: { customerId: string; regionId: string; channelId: string; amount: number }
) {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const carts = container.resolve(Modules.CART)
  let [cart] = await carts.listCarts({ customer_id: input.customerId }, { select: ["id", "metadata", "completed_at"] })
    .then((all) => all.filter((c) => c.metadata?.[DEMO_KEY] === demoKey))
  if (!cart) {
    const { result } = await createCartWorkflow(container).run({
      input: {
        region_id: input.regionId,
        sales_channel_id: input.channelId,
        customer_id: input.customerId,
        email: "noe.dubois@example.com",
        metadata: { [DEMO_KEY]: demoKey },
      },
    })
    cart = result as unknown as typeof cart
  }
  if (!cart.completed_at) {
    const { data } = await query.graph({ entity: "cart", fields: ["id", "items.id", "payment_collection.id"], filters: { id: cart.id } })
    if (!data[0].items?.length) {
      await startTopUpWorkflow(container).run({ input: { cart_id: cart.id, amount: input.amount, customer_id: input.customerId } })
    }
    let collectionId = data[0].payment_collection?.id as string | undefined
    if (!collectionId) {
      const { result } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
      collectionId = (result as unknown as { id: string }).id
    }
    await createPaymentSessionsWorkflow(container).run({ input: { payment_collection_id: collectionId, provider_id: "pp_system_default" } })
    await completeCartWorkflow(container).run({ input: { id: cart.id } })
  }
  const { data: orders } = await query.graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cart.id },
  })
  const orderId = orders[0].order_id as string
  const { data: order } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at"],
    filters: { id: orderId },
  })
  // The plugin's order.placed subscriber captures digital orders; a seed does not wait for it.
  for (const payment of order[0].payment_collections.flatMap((pc: { payments: Array<{ id: string; captured_at: string | null }> }) => pc.payments)) {
    if (!payment.captured_at) await captureOnce(container, payment.id)
    await creditOrderTopUpsWorkflow(container).run({ input: { order_id: orderId, payment_id: payment.id } })
  }
}

/**
 * The plugin's order.placed subscriber captures digital orders, and runs beside the seed: give
 * it a moment, and capture only if it did not (a seed run where subscribers are not loaded).
 */
async function captureOnce(container: MedusaContainer, paymentId: string) {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const captured = async () =>
    !!(await query.graph({ entity: "payment", fields: ["id", "captured_at"], filters: { id: paymentId } })).data[0]?.captured_at
  for (let i = 0; i < 50; i++) {
    if (await captured()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  try {
    await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, captured_by: "system:demo-seed" } })
  } catch (err) {
    if (!(await captured())) throw err
  }
}
