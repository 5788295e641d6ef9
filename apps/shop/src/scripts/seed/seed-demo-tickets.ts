import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  addToCartWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { TICKET_MODULE, type TicketModuleService } from "medusa-plugin-cashless/modules/ticket"
import { cancelTicketsWorkflow, createTicketEventWorkflow, issueOrderTicketsWorkflow } from "medusa-plugin-cashless/workflows"
import { DEMO_CURRENCY } from "./demo-catalog"
import { ensureCustomer } from "./seed-demo-cards"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

const ACTOR = "system:demo-seed"
const DEMO_KEY = "cashless_demo_key"
const HANDLE = "festival-2027-day-pass"
/** The ticket types: the product's variants, in euros (Medusa's major units). */
const TYPES = [
  { title: "Adult", price: 35 },
  { title: "Child (under 12)", price: 15 },
] as const
/** What members pay for an adult day pass, through the members' price list. */
const MEMBER_PRICE = 25

/**
 * Tickets on the first `npm run dev`: the festival's day pass sold in the shop (Adult, Child, and
 * the member price through the Members price list), an event of 500 places at the festival
 * grounds, and a few e-tickets bought through Medusa's checkout: Camille (a member) took two
 * adults at the member price and a child, Noé one adult whose ticket was then cancelled. Their
 * page addresses are logged. Found again by the product's handle and the carts' demo keys:
 * running it again changes nothing.
 */
export async function seedDemoTickets(container: MedusaContainer, shopChannelId: string) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const variants = await ensureProduct(container, shopChannelId)
  await ensureEvent(container, variants.productId)
  await ensureMemberPrice(container, variants.byTitle.Adult)

  const camille = await ensureCustomer(container, "camille.martin@example.com", "Camille", "Martin")
  const camilleOrder = await ticketOrder(container, "demo-seed:camille:festival-tickets", {
    customerId: camille,
    email: "camille.martin@example.com",
    channelId: shopChannelId,
    items: [
      { variant_id: variants.byTitle.Adult, quantity: 2 },
      { variant_id: variants.byTitle["Child (under 12)"], quantity: 1 },
    ],
  })
  const noe = await ensureCustomer(container, "noe.dubois@example.com", "Noé", "Dubois")
  const noeOrder = await ticketOrder(container, "demo-seed:noe:festival-ticket", {
    customerId: noe,
    email: "noe.dubois@example.com",
    channelId: shopChannelId,
    items: [{ variant_id: variants.byTitle.Adult, quantity: 1 }],
  })

  const tickets = container.resolve<TicketModuleService>(TICKET_MODULE)
  const noeTickets = await tickets.storeTickets({ order_id: noeOrder })
  const toCancel = noeTickets.filter((t) => t.status === "valid").map((t) => t.id)
  if (toCancel.length) {
    await cancelTicketsWorkflow(container).run({ input: { ticket_ids: toCancel, reason: "Cannot come after all", actor: ACTOR } })
  }
  for (const orderId of [camilleOrder, noeOrder]) {
    for (const t of await tickets.storeTickets({ order_id: orderId })) {
      logger.info(`Demo e-ticket (${t.holder_name ?? "?"}, ${t.type_title}, ${t.status}): ${t.page_url}`)
    }
  }
}

async function ensureProduct(container: MedusaContainer, channelId: string) {
  const products = container.resolve(Modules.PRODUCT)
  const find = () => products.listProducts({ handle: HANDLE }, { relations: ["variants"] })
  let [product] = await find()
  if (!product) {
    const [category] = await products.listProductCategories({ handle: "tickets" })
    await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title: "Festival 2027 — day pass",
            handle: HANDLE,
            description: "Saturday 10 July 2027 at the festival grounds: every stage, all day. An e-ticket with its QR code, by email.",
            status: ProductStatus.PUBLISHED,
            category_ids: category ? [category.id] : [],
            options: [{ title: "Ticket type", values: TYPES.map((t) => t.title) }],
            variants: TYPES.map((t) => ({
              title: t.title,
              sku: `${HANDLE}-${t.title.split(" ")[0]}`.toUpperCase(),
              options: { "Ticket type": t.title },
              // The event's capacity is one inventory item all the types share (createTicketEventWorkflow).
              manage_inventory: true,
              prices: [{ amount: t.price, currency_code: DEMO_CURRENCY }],
            })),
            sales_channels: [{ id: channelId }],
          },
        ],
      },
    })
    ;[product] = await find()
  }
  return {
    productId: product.id,
    byTitle: Object.fromEntries(product.variants.map((v) => [v.title, v.id])) as Record<(typeof TYPES)[number]["title"], string>,
  }
}

async function ensureEvent(container: MedusaContainer, productId: string) {
  const tickets = container.resolve<TicketModuleService>(TICKET_MODULE)
  const existing = (await tickets.eventsForProducts([productId])).get(productId)
  if (existing) return existing.id
  const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: "Festival grounds" })
  const { result } = await createTicketEventWorkflow(container).run({
    input: {
      name: "Festival 2027 — day pass",
      venue: "Festival grounds, Paris",
      // 10:00 to 23:30 in Paris (summer time, UTC+2).
      starts_at: "2027-07-10T08:00:00.000Z",
      ends_at: "2027-07-10T21:30:00.000Z",
      capacity: 500,
      product_id: productId,
      stock_location_id: location?.id,
    },
  })
  return result.id
}

/** Members pay the adult pass less: a price in the Members group's price list (seed-demo-memberships.ts). */
async function ensureMemberPrice(container: MedusaContainer, adultVariantId: string) {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "variant",
    fields: ["id", "price_set.id"],
    filters: { id: adultVariantId },
  })
  const priceSetId = data[0]?.price_set?.id as string | undefined
  const pricing = container.resolve(Modules.PRICING)
  const list = (await pricing.listPriceLists({}, { relations: ["prices"] })).find((l) => l.title === "Member prices")
  if (!list || !priceSetId) return
  if (list.prices?.some((p) => (p as { price_set_id?: string }).price_set_id === priceSetId)) return
  await pricing.addPriceListPrices([{ price_list_id: list.id, prices: [{ amount: MEMBER_PRICE, currency_code: DEMO_CURRENCY, price_set_id: priceSetId }] }])
}

/** One ticket order through checkout, found again by its cart's metadata; its tickets issued. */
async function ticketOrder(
  container: MedusaContainer,
  demoKey: string,
  input: { customerId: string; email: string; channelId: string; items: Array<{ variant_id: string; quantity: number }> }
): Promise<string> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const carts = container.resolve(Modules.CART)
  const [region] = await container.resolve(Modules.REGION).listRegions({ name: "Europe" })
  let [cart] = await carts
    .listCarts({ customer_id: input.customerId }, { select: ["id", "metadata", "completed_at"] })
    .then((all) => all.filter((c) => c.metadata?.[DEMO_KEY] === demoKey))
  if (!cart) {
    const { result } = await createCartWorkflow(container).run({
      input: {
        region_id: region.id,
        sales_channel_id: input.channelId,
        customer_id: input.customerId,
        email: input.email,
        metadata: { [DEMO_KEY]: demoKey },
      },
    })
    cart = result as unknown as typeof cart
  }
  if (!cart.completed_at) {
    const { data } = await query.graph({ entity: "cart", fields: ["id", "items.id", "payment_collection.id"], filters: { id: cart.id } })
    if (!data[0].items?.length) await addToCartWorkflow(container).run({ input: { cart_id: cart.id, items: input.items } })
    let collectionId = data[0].payment_collection?.id as string | undefined
    if (!collectionId) {
      const { result } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
      collectionId = (result as unknown as { id: string }).id
    }
    await createPaymentSessionsWorkflow(container).run({ input: { payment_collection_id: collectionId, provider_id: "pp_system_default" } })
    await completeCartWorkflow(container).run({ input: { id: cart.id } })
  }
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart.id } })
  const orderId = links[0].order_id as string
  const { data: order } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at"],
    filters: { id: orderId },
  })
  for (const payment of order[0].payment_collections.flatMap((pc: { payments: Array<{ id: string; captured_at: string | null }> }) => pc.payments)) {
    if (!payment.captured_at) await captureOnce(container, payment.id)
  }
  // Issuing is idempotent (one ticket per line item and unit): whether the capture subscriber
  // already did it or not, the order has its tickets after this.
  await issueOrderTicketsWorkflow(container).run({ input: { order_id: orderId } })
  return orderId
}

/**
 * The plugin's order.placed subscriber captures ticket orders (digital), and runs beside the
 * seed: give it a moment, and capture only if it did not (a seed run where subscribers are not
 * loaded), as seed-demo-online.ts does.
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
    await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, captured_by: ACTOR } })
  } catch (err) {
    if (!(await captured())) throw err
  }
}
