import type { MedusaContainer } from "@medusajs/framework/types"
import { randomUUID } from "node:crypto"
import { adminUser } from "./admin-session"
import { registerCard, type RegisteredCard } from "./cards"
import type { Db } from "./db"
import { key } from "./ledger-api"
import { eventually } from "./eventually"
import { checkout, guest, newCart, shopFixture } from "./shop-fixture"
import { storeCustomer } from "./store-customer"

/* eslint-disable @typescript-eslint/no-explicit-any */
type Response = { status: number; data: Record<string, any> }
type Api = {
  get: (url: string, config?: unknown) => Promise<Response>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Response>
  delete: (url: string, config?: unknown) => Promise<Response>
}

/** Who sends a route's valid request: the route's own kind of caller (`loser`: a customer whose card is to be declared lost; `newcomer`: one with no card yet). */
export type Actor = "admin" | "customer" | "loser" | "newcomer" | "device" | "publishable" | "none"

/** A request the route accepts (or refuses for a business reason only), before any corruption. */
export type BaseRequest = {
  actor: Actor
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
  /** An endless Server-Sent Events answer: read the status, then hang up. */
  stream?: boolean
}

export type FuzzFixture = Awaited<ReturnType<typeof fuzzFixture>>

const must = (what: string, res: Response, status: number) => {
  if (res.status !== status) throw new Error(`fuzz fixture, ${what}: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data
}

/**
 * One shop with one of everything a route names: a bar with an open session, cards with
 * wallets and money, a customer who claimed a card and has a cart, a member, a paired reader.
 * Routes that change a thing for good (close, revoke, block, replace, cancel, a staff role)
 * get a thing of their own, so that a fuzzed request that happens to be valid leaves every
 * other route's valid request valid.
 */
export async function fuzzFixture(container: MedusaContainer, api: Api, db: Db) {
  const boss = await adminUser(container, api)
  const other = await adminUser(container, api)
  const config = { headers: boss.headers, validateStatus: () => true }
  const admin = {
    get: (url: string) => api.get(url, config),
    post: (url: string, body: unknown = {}) => api.post(url, body, config),
  }
  const shop = await shopFixture(admin, "fuzz")
  const beer = (await shop.product("Fuzz beer", 4)).variant_id
  const pos = async (name: string) =>
    must("pos", await admin.post("/admin/cashless/points-of-sale", { name, sales_channel_id: shop.sales_channel_id, country_code: "fr", tenders: ["wallet", "cash"] }), 201).point_of_sale.id as string
  const openSession = async (posId: string) => must("session", await admin.post(`/admin/cashless/tills/${posId}/sessions`, { opening_float: 5000 }), 201).session.id as string
  const bar = await pos("Fuzz bar")
  const barSession = await openSession(bar)
  const closing = await pos("Fuzz closing bar")
  const closingSession = await openSession(closing)
  const editedPos = await pos("Fuzz edited bar")
  const group = must("group", await admin.post("/admin/customer-groups", { name: "Fuzz members" }), 200).customer_group.id as string
  const plan = must("plan", await admin.post("/admin/cashless/membership-plans", { name: "Fuzz year", duration_unit: "months", duration_count: 12, customer_group_id: group }), 201).plan.id as string
  const editedPlan = must("plan", await admin.post("/admin/cashless/membership-plans", { name: "Fuzz edited", duration_unit: "months", duration_count: 1, customer_group_id: group }), 201).plan.id as string

  const card = async (prefix: string): Promise<RegisteredCard & { wallet_id: string }> => {
    const c = await registerCard(admin, db, "Fuzz", prefix)
    const wallet_id = must("tap", await admin.post("/admin/cashless/card-taps", { uid: c.uid }), 200).card.wallet_id as string
    return { ...c, wallet_id }
  }
  const main = await card("FA")
  const second = await card("FB")
  must("credit", await admin.post(`/admin/cashless/wallets/${main.wallet_id}/credit`, { amount: 100_000, source: "cash_drawer", idempotency_key: key("fuzz") }), 200)
  must("credit", await admin.post(`/admin/cashless/wallets/${second.wallet_id}/credit`, { amount: 100_000, source: "cash_drawer", idempotency_key: key("fuzz") }), 200)
  const entry = must("adjust", await admin.post(`/admin/cashless/wallets/${second.wallet_id}/adjust`, { amount: 50, asset_code: "EUR", reason: "fuzz", idempotency_key: key("fuzz") }), 200).entry.id as string
  const victims = {
    lost: await card("FL"),
    block: await card("FK"),
    unblock: await card("FU"),
    bind: await registerCard(admin, db, "Fuzz", "FN"),
    replace: await card("FR"),
    storeLost: await card("FS"),
  }
  must("block", await admin.post(`/admin/cashless/cards/${victims.unblock.id}/block`, { reason: "fuzz" }), 200)
  must("lost", await admin.post(`/admin/cashless/cards/${victims.replace.id}/lost`, {}), 200)
  const membership = must("grant", await admin.post("/admin/cashless/memberships", { plan_id: plan, card_id: main.id, idempotency_key: key("fuzz") }), 201).membership.id as string
  const cancelled = must("grant", await admin.post("/admin/cashless/memberships", { plan_id: plan, card_id: second.id, idempotency_key: key("fuzz") }), 201).membership.id as string

  const customer = await storeCustomer(api, shop.publishable_key, "Fuzz")
  // storeCustomer keeps its token to itself; log in again with the password it signs up with.
  const login = await api.post("/auth/customer/emailpass", { email: customer.email, password: "a long enough password" })
  const customerToken = String(login.data.token)
  must("claim", await customer.post("/store/cashless/me/cards/claim", { qr_token: main.qr_token, printed_number: main.printed_number }), 200)
  // One card per customer: the card declared lost online is another customer's.
  const loser = await storeCustomer(api, shop.publishable_key, "Loser")
  const loserLogin = await api.post("/auth/customer/emailpass", { email: loser.email, password: "a long enough password" })
  must("claim", await loser.post("/store/cashless/me/cards/claim", { qr_token: victims.storeLost.qr_token, printed_number: victims.storeLost.printed_number }), 200)
  const newcomer = await storeCustomer(api, shop.publishable_key, "Newcomer")
  const newcomerLogin = await api.post("/auth/customer/emailpass", { email: newcomer.email, password: "a long enough password" })
  // Money paid online on the customer's card, so that the refund routes have something to refund.
  const shopper = guest(api, shop.publishable_key)
  const topUpCart = await newCart(shop, shopper)
  must("top-up", await api.post("/store/cashless/top-ups", { cart_id: topUpCart, amount: 5000, qr_token: main.qr_token }, { headers: { "x-publishable-api-key": shop.publishable_key }, validateStatus: () => true }), 201)
  await checkout(shopper, topUpCart)
  await eventually(() => customer.get("/store/cashless/me/refunds"), (r) => r.data.refundable?.some((x: { online: number }) => x.online > 0))
  const customerCart = await newCart(shop, customer)
  must("line", await customer.post(`/store/carts/${customerCart}/line-items`, { variant_id: beer, quantity: 1 }), 200)
  const guestCart = must("cart", await api.post("/store/carts", { region_id: shop.region_id, sales_channel_id: shop.sales_channel_id }, { headers: { "x-publishable-api-key": shop.publishable_key } }), 200).cart.id as string
  const customerWallet = must("wallet", await admin.get(`/admin/cashless/customers/${customer.id}/wallet`), 200).wallet.id as string

  const pairingCode = async () => must("code", await admin.post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: bar, name: "Fuzz reader" }), 201).pairing_code.code as string
  const pair = async () => must("pair", await api.post("/cashless/devices/pair", { code: await pairingCode(), agent_version: "1.0.0" }, { validateStatus: () => true }), 201)
  const reader = await pair()
  const revoked = await pair()
  const code = await pairingCode()
  const batch = must("batches", await admin.get("/admin/cashless/card-batches"), 200).batches[0].id as string
  const cardImport = must("import", await admin.post("/admin/cashless/card-imports", { batch_name: "Fuzz import", csv: "04F0F0F0F0F0F0,FZ1", idempotency_key: key("fuzz") }), 202).import.id as string

  // Tickets: an event (capacity at a stock location of the channel) and tickets the customer bought.
  const location = must("location", await admin.post("/admin/stock-locations", { name: "Fuzz venue" }), 200).stock_location.id as string
  must("location channel", await admin.post(`/admin/stock-locations/${location}/sales-channels`, { add: [shop.sales_channel_id] }), 200)
  const ticketProduct = async (title: string) =>
    must(
      "ticket product",
      await admin.post("/admin/products", {
        title,
        status: "published",
        options: [{ title: "Type", values: ["Seat"] }],
        variants: [{ title: "Seat", options: { Type: "Seat" }, manage_inventory: false, prices: [{ amount: 9, currency_code: "eur" }] }],
        sales_channels: [{ id: shop.sales_channel_id }],
      }),
      200
    ).product as { id: string; variants: Array<{ id: string }> }
  const gig = await ticketProduct("Fuzz gig")
  const event = must("event", await admin.post("/admin/cashless/ticket-events", { name: "Fuzz gig", starts_at: "2099-06-21T20:00:00Z", capacity: 100000, product_id: gig.id }), 201).event.id as string
  const ticketCart = await newCart(shop, customer)
  must("tickets", await customer.post(`/store/carts/${ticketCart}/line-items`, { variant_id: gig.variants[0].id, quantity: 3 }), 200)
  const { order_id: ticketOrder } = await checkout(customer, ticketCart)
  const { rows: ticketRows } = await eventually(
    () => db.raw(`select id, secret from cashless_ticket where order_id = ? order by unit_index`, [ticketOrder]),
    (r) => r.rows.length === 3
  )
  // A product per valid event creation: an event needs a product of its own.
  const eventProducts = Array.from({ length: 3 }, (_, i) => ticketProduct(`Fuzz festival ${i}`))
  let eventProductIndex = 0
  const products = await Promise.all(eventProducts)

  return {
    headers: {
      admin: boss.headers,
      customer: { authorization: `Bearer ${customerToken}`, "x-publishable-api-key": shop.publishable_key },
      newcomer: { authorization: `Bearer ${String(newcomerLogin.data.token)}`, "x-publishable-api-key": shop.publishable_key },
      loser: { authorization: `Bearer ${String(loserLogin.data.token)}`, "x-publishable-api-key": shop.publishable_key },
      device: { authorization: `Bearer ${String(reader.token)}` },
      publishable: { "x-publishable-api-key": shop.publishable_key },
      none: {},
    } satisfies Record<Actor, Record<string, string>>,
    otherUser: other.id,
    salesChannel: shop.sales_channel_id,
    beer,
    bar,
    barSession,
    closing,
    closingSession,
    editedPos,
    group,
    plan,
    editedPlan,
    main,
    second,
    entry,
    victims,
    membership,
    cancelled,
    customer: customer.id,
    customerCart,
    guestCart,
    customerWallet,
    revokedDevice: String(revoked.device.id),
    code,
    batch,
    cardImport,
    event,
    ticketOrder,
    tickets: { read: ticketRows[0] as { id: string; secret: string }, cancel: ticketRows[1].id as string, refund: ticketRows[2].id as string },
    /** A product without an event while they last, then one taken (a valid request refused for a business reason). */
    eventProduct: () => products[Math.min(eventProductIndex++, products.length - 1)].id,
  }
}

const admin = (extra: Omit<BaseRequest, "actor"> = {}): BaseRequest => ({ actor: "admin", ...extra })
const customer = (extra: Omit<BaseRequest, "actor"> = {}): BaseRequest => ({ actor: "customer", ...extra })
const device = (extra: Omit<BaseRequest, "actor"> = {}): BaseRequest => ({ actor: "device", ...extra })

/**
 * The valid request of every route the plugin serves, by `METHOD /matcher` (Medusa's spelling).
 * Called for each generated input, so idempotency keys are new each time. The fuzz suite fails
 * for a served route missing here, and for an entry whose route is no longer served.
 */
export const BASE_REQUESTS: Record<string, (f: FuzzFixture) => BaseRequest> = {
  "GET /admin/cashless/assets": () => admin(),
  "GET /admin/cashless/card-batches": () => admin(),
  "GET /admin/cashless/card-batches/:id/export": (f) => admin({ params: { id: f.batch } }),
  "POST /admin/cashless/card-imports": () => admin({ body: { batch_name: "Fuzz batch", csv: `04${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()},F${Date.now().toString(36)}`, idempotency_key: key("fuzz") } }),
  "GET /admin/cashless/card-imports/:id": (f) => admin({ params: { id: f.cardImport } }),
  "GET /admin/cashless/card-lookup": (f) => admin({ query: { uid: f.main.uid } }),
  "POST /admin/cashless/card-taps": (f) => admin({ body: { uid: f.main.uid } }),
  "GET /admin/cashless/cards": (f) => admin({ query: { q: "F", status: "active", batch_id: f.batch, limit: "5", offset: "0" } }),
  "GET /admin/cashless/cards/:id": (f) => admin({ params: { id: f.main.id } }),
  "POST /admin/cashless/cards/:id/bind": (f) => admin({ params: { id: f.victims.bind.id }, body: { customer_id: f.customer } }),
  "POST /admin/cashless/cards/:id/block": (f) => admin({ params: { id: f.victims.block.id }, body: { reason: "fuzz" } }),
  "POST /admin/cashless/cards/:id/lost": (f) => admin({ params: { id: f.victims.lost.id }, body: { reason: "fuzz" } }),
  "POST /admin/cashless/cards/:id/replace": (f) => admin({ params: { id: f.victims.replace.id }, body: { new_card_uid: `04${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`, reason: "fuzz" } }),
  "POST /admin/cashless/cards/:id/unblock": (f) => admin({ params: { id: f.victims.unblock.id }, body: { reason: "fuzz" } }),
  "GET /admin/cashless/customers/:id/cards": (f) => admin({ params: { id: f.customer } }),
  "GET /admin/cashless/customers/:id/memberships": (f) => admin({ params: { id: f.customer } }),
  "GET /admin/cashless/customers/:id/wallet": (f) => admin({ params: { id: f.customer } }),
  "GET /admin/cashless/devices": (f) => admin({ query: { point_of_sale_id: f.bar, include_revoked: "true" } }),
  "POST /admin/cashless/devices/:id/revoke": (f) => admin({ params: { id: f.revokedDevice }, body: {} }),
  "POST /admin/cashless/devices/pairing-codes": (f) => admin({ body: { point_of_sale_id: f.bar, name: "Fuzz reader" } }),
  "POST /admin/cashless/entries/:id/reverse": (f) => admin({ params: { id: f.entry }, body: { reason: "fuzz", idempotency_key: key("fuzz") } }),
  "POST /admin/cashless/ledger/verify": () => admin({ body: {} }),
  "GET /admin/cashless/membership-check": (f) => admin({ query: { uid: f.main.uid } }),
  "POST /admin/cashless/membership-imports": () => admin({ body: { csv: "nobody@example.com,Fuzz year,2026-01-01" } }),
  "GET /admin/cashless/membership-plans": () => admin(),
  "POST /admin/cashless/membership-plans": (f) => admin({ body: { name: `Fuzz ${key("plan")}`, duration_unit: "months", duration_count: 1, customer_group_id: f.group } }),
  "GET /admin/cashless/membership-plans/:id": (f) => admin({ params: { id: f.plan } }),
  "POST /admin/cashless/membership-plans/:id": (f) => admin({ params: { id: f.editedPlan }, body: { description: "Fuzzed" } }),
  "GET /admin/cashless/memberships": (f) => admin({ query: { state: "valid", plan_id: f.plan, limit: "5", offset: "0" } }),
  "POST /admin/cashless/memberships": (f) => admin({ body: { plan_id: f.plan, card_id: f.main.id, idempotency_key: key("fuzz") } }),
  "GET /admin/cashless/memberships/:id": (f) => admin({ params: { id: f.membership } }),
  "POST /admin/cashless/memberships/:id/cancel": (f) => admin({ params: { id: f.cancelled }, body: { reason: "fuzz" } }),
  "GET /admin/cashless/ping": () => admin(),
  "GET /admin/cashless/points-of-sale": () => admin(),
  "POST /admin/cashless/points-of-sale": (f) => admin({ body: { name: "Fuzz stand", sales_channel_id: f.salesChannel, country_code: "fr", tenders: ["wallet"] } }),
  "GET /admin/cashless/points-of-sale/:id": (f) => admin({ params: { id: f.bar } }),
  "POST /admin/cashless/points-of-sale/:id": (f) => admin({ params: { id: f.editedPos }, body: { name: "Fuzz edited bar (inside)" } }),
  "GET /admin/cashless/reports/daily": () => admin({ query: { from: "2026-01-01", to: "2026-12-31" } }),
  "GET /admin/cashless/reports/ledger": () => admin({ query: { from: "2026-01-01", to: "2026-12-31" } }),
  "GET /admin/cashless/reports/outstanding": () => admin({ query: { format: "json" } }),
  "GET /admin/cashless/staff": () => admin(),
  "POST /admin/cashless/staff/:user_id": (f) => admin({ params: { user_id: f.otherUser }, body: { role: "cashier", point_of_sale_ids: [f.bar] } }),
  "GET /admin/cashless/staff/me": () => admin(),
  "GET /admin/cashless/status": () => admin(),
  "GET /admin/cashless/tills/:pos_id/catalog": (f) => admin({ params: { pos_id: f.bar } }),
  "POST /admin/cashless/tills/:pos_id/refunds": (f) => admin({ params: { pos_id: f.bar }, body: { idempotency_key: key("fuzz"), card_uid: f.main.uid, amount: 1 } }),
  "POST /admin/cashless/tills/:pos_id/sales": (f) => admin({ params: { pos_id: f.bar }, body: { idempotency_key: key("fuzz"), card_uid: f.main.uid, lines: [{ variant_id: f.beer, quantity: 1 }] } }),
  "GET /admin/cashless/tills/:pos_id/session": (f) => admin({ params: { pos_id: f.bar } }),
  "GET /admin/cashless/tills/:pos_id/sessions": (f) => admin({ params: { pos_id: f.bar }, query: { limit: "5", offset: "0" } }),
  // The bar's session is open: a valid opening is refused (409), which still runs the validator.
  "POST /admin/cashless/tills/:pos_id/sessions": (f) => admin({ params: { pos_id: f.bar }, body: { opening_float: 5000 } }),
  "POST /admin/cashless/tills/:pos_id/sessions/:session_id/close": (f) => admin({ params: { pos_id: f.closing, session_id: f.closingSession }, body: { counted_cash: 5000 } }),
  "GET /admin/cashless/tills/:pos_id/sessions/:session_id/ticket-z": (f) => admin({ params: { pos_id: f.bar, session_id: f.barSession }, query: { format: "json", lang: "fr" } }),
  "GET /admin/cashless/tills/:pos_id/taps/stream": (f) => admin({ params: { pos_id: f.bar }, stream: true }),
  "POST /admin/cashless/tills/:pos_id/top-ups": (f) => admin({ params: { pos_id: f.bar }, body: { idempotency_key: key("fuzz"), card_uid: f.second.uid, amount: 500, tender: "cash" } }),
  "POST /admin/cashless/tills/:pos_id/voids": (f) => admin({ params: { pos_id: f.bar }, body: { idempotency_key: key("fuzz"), card_uid: f.second.uid } }),
  "GET /admin/cashless/wallets": () => admin({ query: { q: "F", limit: "5", offset: "0" } }),
  "POST /admin/cashless/wallets": () => admin({ body: { label: "Fuzz float" } }),
  "GET /admin/cashless/wallets/:id": (f) => admin({ params: { id: f.main.wallet_id } }),
  "POST /admin/cashless/wallets/:id/adjust": (f) => admin({ params: { id: f.second.wallet_id }, body: { amount: 5, asset_code: "EUR", reason: "fuzz", idempotency_key: key("fuzz") } }),
  "POST /admin/cashless/wallets/:id/credit": (f) => admin({ params: { id: f.second.wallet_id }, body: { amount: 100, source: "cash_drawer", idempotency_key: key("fuzz") } }),
  "POST /admin/cashless/wallets/:id/gift": (f) => admin({ params: { id: f.second.wallet_id }, body: { amount: 100, reason: "fuzz", idempotency_key: key("fuzz") } }),
  "GET /admin/cashless/wallets/:id/history": (f) => admin({ params: { id: f.main.wallet_id }, query: { limit: "5", asset_code: "EUR" } }),
  "GET /admin/cashless/wallets/:id/refunds": (f) => admin({ params: { id: f.customerWallet } }),
  "POST /admin/cashless/wallets/:id/refunds": (f) => admin({ params: { id: f.customerWallet }, body: { amount: 100, idempotency_key: key("fuzz") } }),
  "POST /admin/cashless/wallets/:id/spend": (f) => admin({ params: { id: f.second.wallet_id }, body: { amount: 100, currency_code: "eur", point_of_sale: "bar", idempotency_key: key("fuzz") } }),
  "GET /admin/cashless/wallets/:id/top-ups": (f) => admin({ params: { id: f.customerWallet } }),
  "POST /admin/cashless/wallets/:id/transfer": (f) => admin({ params: { id: f.second.wallet_id }, body: { to_wallet_id: f.main.wallet_id, amount: 100, idempotency_key: key("fuzz") } }),
  "GET /admin/cashless/ticket-events": () => admin({ query: { archived: "true" } }),
  "POST /admin/cashless/ticket-events": (f) => admin({ body: { name: "Fuzz festival", venue: "Field", starts_at: "2099-08-01T12:00:00Z", ends_at: "2099-08-03T23:00:00Z", capacity: 500, product_id: f.eventProduct() } }),
  "GET /admin/cashless/ticket-events/:id": (f) => admin({ params: { id: f.event } }),
  "POST /admin/cashless/ticket-events/:id": (f) => admin({ params: { id: f.event }, body: { venue: "Fuzz hall", capacity: 100000 } }),
  "GET /admin/cashless/tickets": (f) => admin({ query: { event_id: f.event, status: "valid", q: "Fuzz", limit: "5", offset: "0" } }),
  "GET /admin/cashless/tickets/:id": (f) => admin({ params: { id: f.tickets.read.id } }),
  "POST /admin/cashless/tickets/:id/cancel": (f) => admin({ params: { id: f.tickets.cancel }, body: { reason: "fuzz" } }),
  "POST /admin/cashless/tickets/:id/refund": (f) => admin({ params: { id: f.tickets.refund }, body: { reason: "fuzz", checked_in_override: false, idempotency_key: key("fuzz") } }),
  "POST /admin/cashless/doors/:pos_id/check-ins": (f) => admin({ params: { pos_id: f.bar }, body: { event_id: f.event, secret: f.tickets.read.secret, idempotency_key: key("fuzz") } }),
  "GET /cashless/tickets/:secret": (f) => ({ actor: "none", params: { secret: f.tickets.read.secret } }),
  "GET /cashless/devices/me": () => device(),
  "POST /cashless/devices/me/status": () => device({ body: { readers: ["ACR122U"], pcsc: "ok", agent_version: "1.0.0" } }),
  "POST /cashless/devices/pair": (f) => ({ actor: "none", body: { code: f.code, name: "Fuzz reader", agent_version: "1.0.0" } }),
  "POST /cashless/tills/:pos_id/taps": (f) => device({ params: { pos_id: f.bar }, body: { tap_id: randomUUID(), uid: f.main.uid, reader: "ACR122U" } }),
  "GET /store/cashless/me/cards": () => customer(),
  "POST /store/cashless/me/cards/:id/lost": (f) => ({ actor: "loser", params: { id: f.victims.storeLost.id }, body: { reason: "fuzz" } }),
  "POST /store/cashless/me/cards/claim": (f) => ({ actor: "newcomer", body: { qr_token: f.second.qr_token, printed_number: f.second.printed_number } }),
  "DELETE /store/cashless/me/carts/:id/wallet-credit": (f) => customer({ params: { id: f.customerCart } }),
  "POST /store/cashless/me/carts/:id/wallet-credit": (f) => customer({ params: { id: f.customerCart }, body: { amount: 100 } }),
  "GET /store/cashless/me/memberships": () => customer(),
  "GET /store/cashless/me/refunds": () => customer(),
  "POST /store/cashless/me/refunds": () => customer({ body: { amount: 100, currency_code: "eur", idempotency_key: key("fuzz") } }),
  "GET /store/cashless/me/tickets": (f) => customer({ query: { order_id: f.ticketOrder } }),
  "GET /store/cashless/tickets/:secret": (f) => ({ actor: "publishable", params: { secret: f.tickets.read.secret } }),
  "GET /store/cashless/me/wallet": () => customer(),
  "GET /store/cashless/me/wallet/history": () => customer({ query: { limit: "5", asset_code: "EUR" } }),
  "GET /store/cashless/qr/:token": (f) => ({ actor: "publishable", params: { token: f.main.qr_token } }),
  "GET /store/cashless/qr/:token/membership": (f) => ({ actor: "publishable", params: { token: f.main.qr_token } }),
  "POST /store/cashless/top-ups": (f) => ({ actor: "publishable", body: { cart_id: f.guestCart, amount: 1500, qr_token: f.main.qr_token } }),
}
