import type { MedusaContainer } from "@medusajs/framework/types"
import { adminUser, type AdminUser } from "./admin-session"
import { newNumber, newUid } from "./cards"
import type { Db } from "./db"
import { eventually } from "./eventually"
import { key } from "./ledger-api"
import { checkout, guest, newCart, shopFixture, type Shop } from "./shop-fixture"
import { storeCustomer, type StoreCustomer } from "./store-customer"

/**
 * The people and machines that call the plugin at a festival, and the data they own: the
 * columns of the authorization matrix (authorization-matrix.ts) and its rows' targets.
 */
export type Response = { status: number; data: any } // eslint-disable-line @typescript-eslint/no-explicit-any
export type Api = {
  get: (url: string, config?: unknown) => Promise<Response>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Response>
  delete: (url: string, config?: unknown) => Promise<Response>
}

export const ACTORS = [
  "anonymous",
  "publishable key",
  "customer A",
  "customer B",
  "device P1",
  "device P2",
  "revoked device",
  "no role",
  "cashier",
  "cashier P1",
  "manager",
  "admin",
] as const
export type ActorName = (typeof ACTORS)[number]

/** Short column headings for the printed matrix. */
export const ACTOR_SHORT: Record<ActorName, string> = {
  anonymous: "anon",
  "publishable key": "pkey",
  "customer A": "custA",
  "customer B": "custB",
  "device P1": "devP1",
  "device P2": "devP2",
  "revoked device": "devRv",
  "no role": "nrole",
  cashier: "cashr",
  "cashier P1": "cshP1",
  manager: "mngr",
  admin: "admin",
}

export const STAFF_RANK: Partial<Record<ActorName, number>> = { "no role": 0, cashier: 1, "cashier P1": 1, manager: 2, admin: 3 }

/** A customer's own objects, to be read by their owner and by nobody else. */
export type Holder = {
  customer: StoreCustomer
  card: { id: string; uid: string; printed_number: string; qr_token: string }
  wallet_id: string
  membership_id: string
  order_id: string
  /** An open cart with one beer, for the wallet-credit routes. */
  cart_id: string
  /** The idempotency key of a refund they asked for online. */
  refund_key: string
  /** A ticket they bought for the matrix's event, with its secret (what its QR carries). */
  ticket: { id: string; secret: string }
}

export type World = {
  api: Api
  db: Db
  shop: Shop
  beer: string
  plan_id: string
  p1: string
  p2: string
  /** An event (its product's one variant is its ticket type) and tickets kept for the rows that change one. */
  event_id: string
  tickets: { cancel: string; refund: string; door: { secret: string; key: string } }
  /** A product with a variant and no event yet, made per call. */
  freshTicketProduct: () => Promise<string>
  /** P1's open session (reopened by rows that close it). */
  session: () => string
  closed_session_id: string
  staff: Record<"admin" | "manager" | "cashier" | "cashier P1", AdminUser>
  device: Record<"P1" | "P2" | "revoked", { id: string; token: string }>
  a: Holder
  b: Holder
  /** A card with money that tills sell to, top up and refund. */
  till_card: { id: string; uid: string }
  /** A staff wallet with money for credit, spend, transfer, gift, adjust. */
  float_wallet: string
  other_wallet: string
  batch_id: string
  import_id: string
  /** A registered card nobody used yet (one per call). */
  freshCard: () => { id: string; uid: string; printed_number: string; qr_token: string }
  /** Admin requests, for set-up and for rows' preparations. */
  admin: { get: (url: string) => Promise<Response>; post: (url: string, body?: unknown) => Promise<Response> }
  headers: (actor: ActorName) => Record<string, string>
  /** A customer made by the admin, holding nothing (a card is bound to one customer at most). */
  freshCustomer: () => Promise<string>
  /** A device paired to P1 that nobody uses yet. */
  freshDevice: () => Promise<{ id: string; token: string }>
  pairingCode: (pos: "P1" | "P2") => Promise<string>
  /** A new empty guest cart in the shop's region (made with the publishable key). */
  guestCart: () => Promise<string>
  openSession: () => Promise<string>
  closeSession: () => Promise<void>
}

export const must = (what: string, res: Response, status = 200) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data
}

export async function buildWorld(container: MedusaContainer, api: Api, db: Db): Promise<World> {
  // `noRole` is a Medusa admin user the cashless admin gave no role (the shop's web team, say).
  const [boss, manager, cashier, cashierP1, noRole] = await Promise.all([1, 2, 3, 4, 5].map(() => adminUser(container, api)))
  const as = (user: AdminUser) => {
    const config = { headers: user.headers, validateStatus: () => true }
    return { get: (url: string) => api.get(url, config), post: (url: string, body: unknown = {}) => api.post(url, body, config) }
  }
  const admin = as(boss)
  // Staff roles are enforced once an admin is named: name the boss first.
  must("name admin", await admin.post(`/admin/cashless/staff/${boss.id}`, { role: "admin" }))
  must("name manager", await admin.post(`/admin/cashless/staff/${manager.id}`, { role: "manager" }))
  must("name cashier", await admin.post(`/admin/cashless/staff/${cashier.id}`, { role: "cashier" }))

  const shop = await shopFixture(admin, "authz")
  const beer = (await shop.product("Draught beer", 4)).variant_id
  const pos = async (name: string) =>
    must("pos", await admin.post("/admin/cashless/points-of-sale", { name, sales_channel_id: shop.sales_channel_id, country_code: "fr", tenders: ["wallet", "cash"] }), 201).point_of_sale.id as string
  const p1 = await pos("Bar P1")
  const p2 = await pos("Bar P2")
  must("assign cashier", await admin.post(`/admin/cashless/staff/${cashierP1.id}`, { role: "cashier", point_of_sale_ids: [p1] }))
  let session = must("session P1", await admin.post(`/admin/cashless/tills/${p1}/sessions`, { opening_float: 5000 }), 201).session.id as string
  must("session P2", await admin.post(`/admin/cashless/tills/${p2}/sessions`, { opening_float: 5000 }), 201)
  const group = must("group", await admin.post("/admin/customer-groups", { name: "Members" })).customer_group.id
  const planId = must("plan", await admin.post("/admin/cashless/membership-plans", { name: "Year", duration_unit: "months", duration_count: 12, customer_group_id: group }), 201).plan.id as string

  // One CSV import for every card the matrix uses.
  // Tickets (#12): capacity lives in Medusa inventory, at a stock location of the shop's channel.
  const location = must("location", await admin.post("/admin/stock-locations", { name: "Matrix venue" })).stock_location.id as string
  must("location channel", await admin.post(`/admin/stock-locations/${location}/sales-channels`, { add: [shop.sales_channel_id] }))
  const ticketProduct = async () =>
    must(
      "ticket product",
      await admin.post("/admin/products", {
        title: `Matrix concert ${key("p")}`,
        status: "published",
        options: [{ title: "Type", values: ["Seat"] }],
        variants: [{ title: "Seat", options: { Type: "Seat" }, manage_inventory: false, prices: [{ amount: 12, currency_code: "eur" }] }],
        sales_channels: [{ id: shop.sales_channel_id }],
      })
    ).product as { id: string; variants: Array<{ id: string }> }
  const concert = await ticketProduct()
  const eventId = must(
    "event",
    await admin.post("/admin/cashless/ticket-events", { name: "Matrix concert", starts_at: "2099-07-14T20:00:00Z", capacity: 100, product_id: concert.id }),
    201
  ).event.id as string
  const buyTickets = async (customer: StoreCustomer, quantity: number) => {
    const cart = await newCart(shop, customer)
    must("ticket line", await customer.post(`/store/carts/${cart}/line-items`, { variant_id: concert.variants[0].id, quantity }))
    const { order_id } = await checkout(customer, cart)
    const { rows } = await eventually(
      () => db.raw(`select id, secret from cashless_ticket where order_id = ? order by unit_index`, [order_id]),
      (r) => r.rows.length === quantity
    )
    return rows as Array<{ id: string; secret: string }>
  }

  const lines = Array.from({ length: 130 }, () => `${newUid()},${newNumber("Z")}`)
  const started = must("import", await admin.post("/admin/cashless/card-imports", { batch_name: "Authorization matrix", csv: lines.join("\n"), idempotency_key: key("import") }), 202)
  const importId = started.import.id as string
  await eventually(() => admin.get(`/admin/cashless/card-imports/${importId}`), (r) => r.data.import?.status !== "running")
  const uids = lines.map((l) => l.split(",")[0])
  const { rows } = await db.raw(`select id, uid, printed_number, qr_token from cashless_card where uid = any(?)`, [uids])
  const pool = rows as Array<{ id: string; uid: string; printed_number: string; qr_token: string }>
  if (pool.length !== lines.length) throw new Error(`imported ${pool.length} of ${lines.length} cards`)
  const batchId = must("batches", await admin.get("/admin/cashless/card-batches")).batches[0].id as string
  const freshCard = () => {
    const card = pool.pop()
    if (!card) throw new Error("the matrix used more cards than it imported")
    return card
  }

  const tap = async (uid: string) => must("tap", await admin.post("/admin/cashless/card-taps", { uid })).card.wallet_id as string
  const tillTopUp = async (uid: string, amount: number) =>
    must("till top-up", await admin.post(`/admin/cashless/tills/${p1}/top-ups`, { idempotency_key: key("top-up"), card_uid: uid, amount, tender: "cash" }), 201)

  // Two customers with the same kinds of things and different amounts (A's never appear in B's answers).
  const holder = async (name: string, cash: number, online: number): Promise<Holder> => {
    const customer = await storeCustomer(api, shop.publishable_key, name)
    const card = freshCard()
    await tap(card.uid)
    await tillTopUp(card.uid, cash)
    must("claim", await customer.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number }))
    const membership = must("grant", await admin.post("/admin/cashless/memberships", { plan_id: planId, customer_id: customer.id, idempotency_key: key("grant") }), 201).membership.id
    const topUpCart = await newCart(shop, customer)
    must("online top-up", await customer.post("/store/cashless/top-ups", { cart_id: topUpCart, amount: online }), 201)
    const { order_id } = await checkout(customer, topUpCart)
    const walletId = must("wallet", await customer.get("/store/cashless/me/wallet")).wallet.id as string
    await eventually(() => customer.get("/store/cashless/me/refunds"), (r) => r.data.refundable?.some((x: { online: number }) => x.online >= online))
    const refundKey = key(`refund-${name}`)
    must("refund", await customer.post("/store/cashless/me/refunds", { amount: 100, idempotency_key: refundKey }))
    const [ticket] = await buyTickets(customer, 1)
    const cart = await newCart(shop, customer)
    must("line", await customer.post(`/store/carts/${cart}/line-items`, { variant_id: beer, quantity: 1 }))
    return { customer, card, wallet_id: walletId, membership_id: membership, order_id, cart_id: cart, refund_key: refundKey, ticket }
  }
  const a = await holder("Alice", 1111, 2222)
  const b = await holder("Bruno", 3030, 4040)

  const [forCancel, forRefund, forDoor] = await buyTickets(await storeCustomer(api, shop.publishable_key, "Carla"), 3)

  const tillCard = freshCard()
  await tap(tillCard.uid)
  await tillTopUp(tillCard.uid, 20_000)
  const floatWallet = must("float", await admin.post("/admin/cashless/wallets", { label: "Float" }), 201).wallet.id as string
  must("credit float", await admin.post(`/admin/cashless/wallets/${floatWallet}/credit`, { amount: 20_000, source: "cash_drawer", idempotency_key: key("credit") }))
  const otherWallet = must("other", await admin.post("/admin/cashless/wallets", { label: "Other" }), 201).wallet.id as string

  // A closed session for the Ticket Z.
  const closeSession = async () => {
    const open = await admin.get(`/admin/cashless/tills/${p1}/session`)
    const id = open.data.session?.id as string | undefined
    if (id) must("close", await admin.post(`/admin/cashless/tills/${p1}/sessions/${id}/close`, { counted_cash: 0 }))
  }
  const openSession = async () => {
    await closeSession()
    session = must("open", await admin.post(`/admin/cashless/tills/${p1}/sessions`, { opening_float: 0 }), 201).session.id as string
    return session
  }
  const closedSession = session
  await closeSession()
  await openSession()

  const code = async (posId: string) =>
    must("pairing code", await admin.post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: posId, name: `Reader ${posId}` }), 201).pairing_code.code as string
  const pair = async (posId: string) => {
    const paired = must("pair", await api.post("/cashless/devices/pair", { code: await code(posId), agent_version: "1.0.0" }, { validateStatus: () => true }), 201)
    return { id: paired.device.id as string, token: paired.token as string }
  }
  const device = { P1: await pair(p1), P2: await pair(p2), revoked: await pair(p1) }
  must("revoke", await admin.post(`/admin/cashless/devices/${device.revoked.id}/revoke`, {}))

  // Till sales are projected into Medusa orders by a subscriber: let it finish before the
  // matrix counts rows.
  await eventually(
    () => db.raw(`select count(*)::int as n from cashless_sale where order_id is null`),
    (r) => Number(r.rows[0]?.n ?? 0) === 0
  )

  const pkey = { "x-publishable-api-key": shop.publishable_key }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const customerToken = (c: StoreCustomer) => c.token
  const headers = (actor: ActorName): Record<string, string> => {
    switch (actor) {
      case "anonymous": return {}
      case "publishable key": return pkey
      case "customer A": return { ...pkey, ...bearer(customerToken(a.customer)) }
      case "customer B": return { ...pkey, ...bearer(customerToken(b.customer)) }
      case "device P1": return bearer(device.P1.token)
      case "device P2": return bearer(device.P2.token)
      case "revoked device": return bearer(device.revoked.token)
      case "no role": return noRole.headers
      case "cashier": return cashier.headers
      case "cashier P1": return cashierP1.headers
      case "manager": return manager.headers
      case "admin": return boss.headers
    }
  }

  return {
    api,
    db,
    shop,
    beer,
    plan_id: planId,
    p1,
    p2,
    event_id: eventId,
    tickets: { cancel: forCancel.id, refund: forRefund.id, door: { secret: forDoor.secret, key: key("door") } },
    freshTicketProduct: async () => (await ticketProduct()).id,
    session: () => session,
    closed_session_id: closedSession,
    staff: { admin: boss, manager, cashier, "cashier P1": cashierP1 },
    device,
    a,
    b,
    till_card: tillCard,
    float_wallet: floatWallet,
    other_wallet: otherWallet,
    batch_id: batchId,
    import_id: importId,
    freshCard,
    admin,
    headers,
    freshDevice: () => pair(p1),
    freshCustomer: async () => must("customer", await admin.post("/admin/customers", { email: `${key("holder")}@example.com` })).customer.id as string,
    pairingCode: (pos) => code(pos === "P1" ? p1 : p2),
    guestCart: () => newCart(shop, guest(api, shop.publishable_key)),
    openSession,
    closeSession,
  }
}
