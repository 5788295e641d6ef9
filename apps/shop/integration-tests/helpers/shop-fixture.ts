type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type Admin = {
  get: (url: string) => Promise<Response>
  post: (url: string, body: unknown) => Promise<Response>
}
type Api = { post: (url: string, body?: unknown, config?: unknown) => Promise<Response> }

const must = (what: string, res: Response, status = 200) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data
}

export type Shop = {
  region_id: string
  sales_channel_id: string
  publishable_key: string
  /** A published product with one variant sold at `price` euros (Medusa's major units); nothing to ship. */
  product(
    title: string,
    price: number,
    metadata?: Record<string, unknown>,
    options?: { shipping_profile_id?: string }
  ): Promise<{ product_id: string; variant_id: string }>
}

/**
 * A small shop made through the admin API, as a merchant sets it up: a EUR region paid with the
 * system provider (or the `providers` given, e.g. Stripe too), a sales channel and its publishable
 * key, and digital products (no shipping profile, no inventory), so a cart can be checked out
 * without shipping.
 */
export async function shopFixture(admin: Admin, label: string, options: { providers?: string[] } = {}): Promise<Shop> {
  const region = must(
    "region",
    await admin.post("/admin/regions", {
      name: `Test ${label}`,
      currency_code: "eur",
      payment_providers: options.providers ?? ["pp_system_default"],
    })
  ).region
  const channel = must("sales channel", await admin.post("/admin/sales-channels", { name: `Channel ${label}` })).sales_channel
  const key = must("api key", await admin.post("/admin/api-keys", { title: `Key ${label}`, type: "publishable" })).api_key
  must("key channel", await admin.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] }))
  return {
    region_id: region.id,
    sales_channel_id: channel.id,
    publishable_key: key.token,
    async product(title, price, metadata, options) {
      const product = must(
        "product",
        await admin.post("/admin/products", {
          title,
          status: "published",
          metadata,
          shipping_profile_id: options?.shipping_profile_id,
          options: [{ title: "Kind", values: ["Standard"] }],
          variants: [
            { title: "Standard", options: { Kind: "Standard" }, manage_inventory: false, prices: [{ amount: price, currency_code: "eur" }] },
          ],
          sales_channels: [{ id: channel.id }],
        })
      ).product
      return { product_id: product.id, variant_id: product.variants[0].id }
    },
  }
}

type Shopper = { get: (url: string) => Promise<Response>; post: (url: string, body?: unknown) => Promise<Response> }

/** A store cart of this shopper (logged-in customer or guest client), in the shop's region. */
export async function newCart(shop: Shop, shopper: Shopper, email?: string): Promise<string> {
  const res = await shopper.post("/store/carts", { region_id: shop.region_id, sales_channel_id: shop.sales_channel_id, email })
  return must("cart", res).cart.id
}

/** Pays a cart with the system provider and completes it, as a storefront's checkout does. */
export async function checkout(shopper: Shopper, cartId: string): Promise<{ order_id: string }> {
  const collection = must("payment collection", await shopper.post("/store/payment-collections", { cart_id: cartId })).payment_collection
  must(
    "payment session",
    await shopper.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  )
  const done = must("complete", await shopper.post(`/store/carts/${cartId}/complete`, {}))
  if (done.type !== "order") throw new Error(`complete: ${JSON.stringify(done)}`)
  return { order_id: done.order.id }
}

/** A guest shopper: publishable key only, no customer. */
export function guest(api: Api & { get: (url: string, config?: unknown) => Promise<Response> }, key: string): Shopper {
  const config = { headers: { "x-publishable-api-key": key }, validateStatus: () => true }
  return { get: (url) => api.get(url, config), post: (url, body = {}) => api.post(url, body, config) }
}
