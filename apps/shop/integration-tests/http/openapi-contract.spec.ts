import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomUUID } from "node:crypto"
import { registerCard } from "../helpers/cards"
import type { Db } from "../helpers/db"
import { key, ledgerClient } from "../helpers/ledger-api"
import { contractChecker, documentedOperations, openApiSchemaErrors, readOpenApi, servedOperations } from "../helpers/openapi-contract"
import { eventually } from "../helpers/eventually"
import { checkout, guest, newCart, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer } from "../helpers/store-customer"

// The OpenAPI description (docs/openapi/cashless.openapi.json, #10) against the running app:
// every route the plugin serves is documented and nothing else is, and real answers match it.
jest.setTimeout(300_000)
delete process.env.REDIS_URL

const doc = readOpenApi()

describe("the OpenAPI description's routes", () => {
  it("documents exactly the routes the built plugin serves (Medusa's RoutesLoader)", async () => {
    const served = new Set(await servedOperations())
    const documented = new Set(documentedOperations(doc))
    expect(served.size).toBeGreaterThan(70)
    expect({
      undocumented: [...served].filter((op) => !documented.has(op)).sort(),
      gone: [...documented].filter((op) => !served.has(op)).sort(),
    }).toEqual({ undocumented: [], gone: [] })
  })

  it("is a valid OpenAPI 3.1 document", () => {
    expect(openApiSchemaErrors(doc)).toEqual([])
    // The check itself can fail: a parameter must say where it goes (path, query, header, cookie).
    const broken = JSON.parse(JSON.stringify(doc))
    broken.paths["/admin/cashless/wallets/{id}"].get.parameters[0].in = "body"
    expect(openApiSchemaErrors(broken).length).toBeGreaterThan(0)
  })

  it("is checked by a validator that really refuses a wrong answer", () => {
    const { check, failures } = contractChecker(doc)
    check("GET", "/store/cashless/qr/abc", { status: 200, data: { card: { status: "active", usable: true, bound: false, balances: [], membership: { status: "none", plan: null, ends_at: null }, uid: "04AA" } } })
    check("GET", "/store/cashless/qr/abc", { status: 404, data: { message: "no type" } })
    expect(failures).toHaveLength(2)
    expect(failures[0]).toMatch(/additional properties/)
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("answers every route called as documented", async () => {
      const contract = contractChecker(doc)
      const http = contract.wrap(api)
      const db = dbConnection as unknown as Db
      const admin = await ledgerClient(getContainer(), http)
      const must = (what: string, res: { status: number; data: any }, status: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
        if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
        return res.data
      }

      // A shop with a bar: a product, a point of sale with an open session, a plan.
      const shop = await shopFixture(admin, "openapi")
      const beer = (await shop.product("Draught beer", 4)).variant_id
      const posId = must("pos", await admin.post("/admin/cashless/points-of-sale", { name: "Main bar", sales_channel_id: shop.sales_channel_id, country_code: "fr", tenders: ["wallet", "cash"] }), 201).point_of_sale.id
      const session = must("session", await admin.post(`/admin/cashless/tills/${posId}/sessions`, { opening_float: 5000 }), 201).session
      const group = (await admin.post("/admin/customer-groups", { name: "Members" })).data.customer_group.id
      const planId = must("plan", await admin.post("/admin/cashless/membership-plans", { name: "Year", duration_unit: "months", duration_count: 12, customer_group_id: group }), 201).plan.id

      // A card registered, tapped (its wallet made), credited, a member, and sold a beer.
      const card = await registerCard(admin, db, "OpenAPI", "O")
      const walletId = must("tap", await admin.post("/admin/cashless/card-taps", { uid: card.uid }), 200).card.wallet_id
      must("credit", await admin.credit(walletId, 2000, { source: "cash_drawer" }), 200)
      await admin.gift(walletId, 300)
      const membershipId = must("grant", await admin.post("/admin/cashless/memberships", { plan_id: planId, card_id: card.id, idempotency_key: key("grant") }), 201).membership.id
      const adminId = must("me", await admin.get("/admin/cashless/staff/me"), 200).me.user_id
      must("sale", await admin.post(`/admin/cashless/tills/${posId}/sales`, { idempotency_key: key("sale"), card_uid: card.uid, lines: [{ variant_id: beer, quantity: 1 }] }), 201)
      must("top-up", await admin.post(`/admin/cashless/tills/${posId}/top-ups`, { idempotency_key: key("till-top-up"), card_uid: card.uid, amount: 500, tender: "cash" }), 201)

      // Store routes: the QR code, then a customer who claims the card.
      const qr = card.qr_token
      must("qr", await http.get(`/store/cashless/qr/${qr}`, { headers: { "x-publishable-api-key": shop.publishable_key } }), 200)
      must("qr membership", await http.get(`/store/cashless/qr/${qr}/membership`, { headers: { "x-publishable-api-key": shop.publishable_key } }), 200)
      await http.get(`/store/cashless/qr/unknown-token`, { headers: { "x-publishable-api-key": shop.publishable_key }, validateStatus: () => true })
      const customer = await storeCustomer(http, shop.publishable_key, "Ana")
      must("claim", await customer.post("/store/cashless/me/cards/claim", { qr_token: qr, printed_number: card.printed_number }), 200)
      must("my cards", await customer.get("/store/cashless/me/cards"), 200)
      must("my wallet", await customer.get("/store/cashless/me/wallet"), 200)
      must("my history", await customer.get("/store/cashless/me/wallet/history?limit=5"), 200)
      must("my memberships", await customer.get("/store/cashless/me/memberships"), 200)
      must("my refunds", await customer.get("/store/cashless/me/refunds"), 200)
      // A guest tops the card up by its QR code and pays (system provider): money the customer can get back online.
      const shopper = guest(http, shop.publishable_key)
      const topUpCart = await newCart(shop, shopper)
      must("top-up", await http.post("/store/cashless/top-ups", { cart_id: topUpCart, amount: 1500, qr_token: qr }, { headers: { "x-publishable-api-key": shop.publishable_key }, validateStatus: () => true }), 201)
      await customer.post(`/store/cashless/me/carts/${topUpCart}/wallet-credit`, {}) // not their cart: a documented 404
      await checkout(shopper, topUpCart)
      await eventually(() => customer.get("/store/cashless/me/refunds"), (r) => r.data.refundable?.some((x: { online: number }) => x.online > 0))
      must("my refund", await customer.post("/store/cashless/me/refunds", { amount: 100, idempotency_key: key("refund") }), 200)
      const customerWallet = must("customer wallet", await admin.get(`/admin/cashless/customers/${customer.id}/wallet`), 200).wallet.id
      must("staff refund", await admin.post(`/admin/cashless/wallets/${customerWallet}/refunds`, { amount: 100, idempotency_key: key("staff-refund") }), 200)
      // The customer pays part of their own cart with the wallet, then changes their mind.
      const ownCart = await newCart(shop, customer)
      must("line", await customer.post(`/store/carts/${ownCart}/line-items`, { variant_id: beer, quantity: 1 }), 200)
      must("wallet credit", await customer.post(`/store/cashless/me/carts/${ownCart}/wallet-credit`, { amount: 200 }), 200)
      must("no wallet credit", await customer.delete(`/store/cashless/me/carts/${ownCart}/wallet-credit`), 200)
      must("declare lost", await customer.post(`/store/cashless/me/cards/${card.id}/lost`, { reason: "left at the bar" }), 200)

      // A reader paired to the bar, its heartbeat and a tap.
      const code = must("pairing code", await admin.post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: posId, name: "Bar reader" }), 201).pairing_code.code
      const paired = must("pair", await http.post("/cashless/devices/pair", { code, agent_version: "1.0.0" }, { validateStatus: () => true }), 201)
      const device = { headers: { authorization: `Bearer ${paired.token}` }, validateStatus: () => true }
      must("device me", await http.get("/cashless/devices/me", device), 200)
      must("device status", await http.post("/cashless/devices/me/status", { readers: ["ACR122U"], pcsc: "ok" }, device), 200)
      must("device tap", await http.post(`/cashless/tills/${posId}/taps`, { tap_id: randomUUID(), uid: card.uid, reader: "ACR122U" }, device), 202)

      // Staff writes, on a second and a third card.
      const card2 = await registerCard(admin, db, "OpenAPI", "P")
      const wallet2 = must("tap 2", await admin.post("/admin/cashless/card-taps", { uid: card2.uid }), 200).card.wallet_id
      must("credit 2", await admin.credit(wallet2, 3000, { source: "cash_drawer" }), 200)
      must("spend", await admin.post(`/admin/cashless/wallets/${wallet2}/spend`, { amount: 100, currency_code: "eur", point_of_sale: "bar", idempotency_key: key("spend") }), 200)
      must("transfer", await admin.post(`/admin/cashless/wallets/${wallet2}/transfer`, { to_wallet_id: walletId, amount: 100, idempotency_key: key("transfer") }), 200)
      const adjusted = must("adjust", await admin.post(`/admin/cashless/wallets/${wallet2}/adjust`, { amount: 50, asset_code: "EUR", reason: "count", idempotency_key: key("adjust") }), 200)
      must("reverse", await admin.post(`/admin/cashless/entries/${adjusted.entry.id}/reverse`, { reason: "typo", idempotency_key: key("reverse") }), 200)
      await admin.post(`/admin/cashless/wallets/${wallet2}/refunds`, { amount: 100, idempotency_key: key("wallet-refund") })
      must("till refund", await admin.post(`/admin/cashless/tills/${posId}/refunds`, { idempotency_key: key("till-refund"), card_uid: card2.uid, amount: 100 }), 201)
      must("block", await admin.post(`/admin/cashless/cards/${card2.id}/block`, { reason: "checking" }), 200)
      must("unblock", await admin.post(`/admin/cashless/cards/${card2.id}/unblock`, { reason: "checked" }), 200)
      must("void", await admin.post(`/admin/cashless/tills/${posId}/voids`, { idempotency_key: key("void"), card_uid: card2.uid }), 201)
      const card3 = await registerCard(admin, db, "OpenAPI", "Q")
      must("bind", await admin.post(`/admin/cashless/cards/${card3.id}/bind`, { customer_id: customer.id }), 200)
      must("lost", await admin.post(`/admin/cashless/cards/${card3.id}/lost`, {}), 200)
      must("replace", await admin.post(`/admin/cashless/cards/${card3.id}/replace`, { new_card_uid: (await registerCard(admin, db, "OpenAPI", "R")).uid }), 200)
      must("new wallet", await admin.post("/admin/cashless/wallets", { label: "Float" }), 201)
      must("edit plan", await admin.post(`/admin/cashless/membership-plans/${planId}`, { description: "Twelve months" }), 200)
      must("membership", await admin.get(`/admin/cashless/memberships/${membershipId}`), 200)
      must("cancel", await admin.post(`/admin/cashless/memberships/${membershipId}/cancel`, { reason: "moved away" }), 200)
      must("import members", await admin.post("/admin/cashless/membership-imports", { csv: `${customer.email},Year,2026-01-01\nnot-an-email,Year,2026-01-01` }), 200)
      must("edit pos", await admin.post(`/admin/cashless/points-of-sale/${posId}`, { name: "Main bar (inside)" }), 200)
      must("name admin", await admin.post(`/admin/cashless/staff/${adminId}`, { role: "admin" }), 200)
      must("revoke", await admin.post(`/admin/cashless/devices/${paired.device.id}/revoke`, {}), 200)
      const batchId = must("batches", await admin.get("/admin/cashless/card-batches"), 200).batches[0].id
      must("batch export", await admin.get(`/admin/cashless/card-batches/${batchId}/export`), 200)
      must("memberships csv", await admin.get("/admin/cashless/memberships?format=csv"), 200)

      // Tickets: an event on a product, two tickets bought, the door, a cancel and a refund.
      const location = must("location", await admin.post("/admin/stock-locations", { name: "Venue" }), 200).stock_location.id
      must("location channel", await admin.post(`/admin/stock-locations/${location}/sales-channels`, { add: [shop.sales_channel_id] }), 200)
      const gig = must("gig", await admin.post("/admin/products", {
        title: "Gig", status: "published", options: [{ title: "Type", values: ["Seat"] }],
        variants: [{ title: "Seat", options: { Type: "Seat" }, manage_inventory: false, prices: [{ amount: 10, currency_code: "eur" }] }],
        sales_channels: [{ id: shop.sales_channel_id }],
      }), 200).product
      const event = must("event", await admin.post("/admin/cashless/ticket-events", { name: "Gig", starts_at: "2099-05-01T20:00:00Z", capacity: 10, product_id: gig.id }), 201).event
      must("events", await admin.get("/admin/cashless/ticket-events"), 200)
      must("edit event", await admin.post(`/admin/cashless/ticket-events/${event.id}`, { venue: "Cellar" }), 200)
      const gigCart = await newCart(shop, customer)
      must("gig line", await customer.post(`/store/carts/${gigCart}/line-items`, { variant_id: gig.variants[0].id, quantity: 3 }), 200)
      const { order_id: gigOrder } = await checkout(customer, gigCart)
      await eventually(() => customer.get(`/store/cashless/me/tickets?order_id=${gigOrder}`), (r) => r.data.tickets?.length === 3)
      const mine = must("my tickets", await customer.get(`/store/cashless/me/tickets?order_id=${gigOrder}`), 200).tickets
      const pkey = { headers: { "x-publishable-api-key": shop.publishable_key }, validateStatus: () => true }
      must("ticket by secret", await http.get(`/store/cashless/tickets/${mine[0].secret}`, pkey), 200)
      await http.get(`/store/cashless/tickets/tk_${"0".repeat(24)}`, pkey) // a documented 404
      must("e-ticket page", await http.get(`/cashless/tickets/${mine[0].secret}`, { validateStatus: () => true }), 200)
      await http.get(`/cashless/tickets/tk_${"0".repeat(24)}`, { validateStatus: () => true }) // the documented 404 page
      must("tickets", await admin.get(`/admin/cashless/tickets?event_id=${event.id}`), 200)
      must("ticket", await admin.get(`/admin/cashless/tickets/${mine[0].id}`), 200)
      must("event counts", await admin.get(`/admin/cashless/ticket-events/${event.id}`), 200)
      must("admit", await admin.post(`/admin/cashless/doors/${posId}/check-ins`, { event_id: event.id, secret: mine[0].page_url, idempotency_key: key("door") }), 200)
      must("again", await admin.post(`/admin/cashless/doors/${posId}/check-ins`, { event_id: event.id, secret: mine[0].secret, idempotency_key: key("door") }), 409)
      must("unknown", await admin.post(`/admin/cashless/doors/${posId}/check-ins`, { event_id: event.id, uid: "04ABABABABABAB", idempotency_key: key("door") }), 404)
      must("cancel ticket", await admin.post(`/admin/cashless/tickets/${mine[1].id}/cancel`, { reason: "double" }), 200)
      must("refund ticket", await admin.post(`/admin/cashless/tickets/${mine[2].id}/refund`, { reason: "ill" }), 200)
      must("used ticket", await admin.post(`/admin/cashless/tickets/${mine[0].id}/refund`, {}), 409)

      // Staff reads.
      const reads = [
        "/admin/cashless/ping", "/admin/cashless/status", "/admin/cashless/staff", "/admin/cashless/staff/me", "/admin/cashless/assets",
        "/admin/cashless/wallets", `/admin/cashless/wallets/${walletId}`, `/admin/cashless/wallets/${walletId}/history`, `/admin/cashless/wallets/${walletId}/refunds`, `/admin/cashless/wallets/${customerWallet}/refunds`,
        `/admin/cashless/wallets/${walletId}/top-ups`, `/admin/cashless/wallets/${customerWallet}/top-ups`, `/admin/cashless/customers/${customer.id}/wallet`, `/admin/cashless/customers/${customer.id}/cards`,
        `/admin/cashless/customers/${customer.id}/memberships`, "/admin/cashless/cards", `/admin/cashless/cards/${card.id}`, `/admin/cashless/card-lookup?uid=${card.uid}`,
        "/admin/cashless/card-batches", "/admin/cashless/membership-plans", `/admin/cashless/membership-plans/${planId}`, "/admin/cashless/memberships",
        `/admin/cashless/membership-check?uid=${card.uid}`, "/admin/cashless/points-of-sale", `/admin/cashless/points-of-sale/${posId}`,
        `/admin/cashless/tills/${posId}/catalog`, `/admin/cashless/tills/${posId}/session`, `/admin/cashless/tills/${posId}/sessions`, "/admin/cashless/devices",
        "/admin/cashless/reports/daily", "/admin/cashless/reports/ledger", "/admin/cashless/reports/outstanding",
      ]
      for (const url of reads) await admin.get(url)
      await admin.post(`/admin/cashless/tills/${posId}/sessions/${session.id}/close`, { counted_cash: 5500 })
      await admin.get(`/admin/cashless/tills/${posId}/sessions/${session.id}/ticket-z`)
      await admin.post("/admin/cashless/ledger/verify", {})

      console.log(`OpenAPI contract: ${contract.validated.size} operation/status pairs validated:\n  ${[...contract.validated].sort().join("\n  ")}`)
      expect(contract.failures).toEqual([])
      // Every documented route answered at least once with success, and that answer was validated,
      // but the tap stream (an endless Server-Sent Events response; devices.spec.ts reads it).
      const succeeded = new Set([...contract.validated].filter((v) => / 2\d\d( |$)/.test(v)).map((v) => v.split(" ").slice(0, 2).join(" ")))
      expect(
        documentedOperations(doc)
          .map((op) => op.replace(/:(\w+)/g, "{$1}"))
          .filter((op) => !succeeded.has(op) && op !== "GET /admin/cashless/tills/{pos_id}/taps/stream")
      ).toEqual([])
    })
  },
})


