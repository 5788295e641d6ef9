import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CashlessApiError, CashlessClient } from "@medusa-cashless/wallet-sdk"
import { registerCard } from "../helpers/cards"
import type { Db } from "../helpers/db"
import { eventually } from "../helpers/eventually"
import { expectLedgerVerified, key, ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { checkout, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"

// The wallet SDK against the booted shop, over real HTTP (no mocks): what a partner's page does
// with a publishable key, anonymously by QR token or as a logged-in customer.
jest.setTimeout(180_000)
delete process.env.REDIS_URL

/** The error an SDK call threw (the test fails if it did not throw one). */
async function refusal(call: Promise<unknown>): Promise<CashlessApiError> {
  const err = await call.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(CashlessApiError)
  return err as CashlessApiError
}

const eur = (balances: Array<{ asset_code: string; balance: number }> | undefined) => balances?.find((b) => b.asset_code === "EUR")?.balance ?? 0

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    let admin: LedgerClient
    let shop: Shop
    let anonymous: CashlessClient

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "wallet-sdk")
      anonymous = new CashlessClient({ baseUrl: baseUrl(), publishableKey: shop.publishable_key })
    })
    afterEach(async () => {
      await expectLedgerVerified(admin)
    })

    describe("a card by its QR token, without an account", () => {
      it("shows the card's state, balances and membership, never who holds it", async () => {
        const card = await registerCard(admin, db, "SDK", "S")
        const seen = await anonymous.qrCard(card.qr_token)
        expect(seen).toEqual({ status: "new", usable: true, bound: false, balances: [], membership: { status: "none", plan: null, ends_at: null } })
        expect(await anonymous.qrMembership(card.qr_token)).toEqual({ status: "none", plan: null, ends_at: null })
      })

      it("puts a top-up for the card in a new cart of the key's sales channel", async () => {
        const card = await registerCard(admin, db, "SDK", "S")
        const cart = await anonymous.createCart({ region_id: shop.region_id, email: "friend@example.com" })
        expect(cart.currency_code).toBe("eur")
        const topped = await anonymous.startTopUp({ cart_id: cart.id, amount: 2000, qr_token: card.qr_token })
        expect(topped.id).toBe(cart.id)
        expect(topped.items).toHaveLength(1)
        expect(topped.items[0]).toMatchObject({ unit_price: 20, quantity: 1, metadata: { cashless_top_up: { kind: "card", card_id: card.id } } })
      })

      it("refuses with the server's own words: unknown token, amount out of limits, no valid key", async () => {
        const unknown = await refusal(anonymous.qrCard("no-such-token"))
        expect(unknown).toMatchObject({ status: 404, code: "card_not_found", type: "not_found", message: "No card has this QR code." })

        const cart = await anonymous.createCart({ region_id: shop.region_id })
        const small = await refusal(anonymous.startTopUp({ cart_id: cart.id, amount: 499, qr_token: (await registerCard(admin, db, "SDK", "S")).qr_token }))
        expect(small.status).toBe(400)
        expect(small.message).toMatch(/from 5\.00 EUR to 500\.00 EUR/)

        const badKey = new CashlessClient({ baseUrl: baseUrl(), publishableKey: "pk_not_a_key" })
        const refused = await refusal(badKey.qrCard("whatever"))
        expect(refused.status).toBe(400)
        expect(refused.message).toMatch(/publishable/i)

        const noLogin = await refusal(anonymous.myWallet())
        expect(noLogin.status).toBe(401)
        expect(noLogin.message).toBeTruthy()

        const down = await refusal(new CashlessClient({ baseUrl: "http://127.0.0.1:1", publishableKey: shop.publishable_key }).qrCard("x"))
        expect(down).toMatchObject({ status: 0, code: "network_error" })
        expect(down.message).toContain("http://127.0.0.1:1")

        expect(() => new CashlessClient({ baseUrl: baseUrl(), publishableKey: "" })).toThrow(/publishableKey/)
      })
    })

    describe("a logged-in customer", () => {
      // The runner restores the database before every test: each test makes its own customer.
      const loggedIn = async (name: string) => {
        const customer = await storeCustomer(api, shop.publishable_key, name)
        const client = new CashlessClient({ baseUrl: baseUrl(), publishableKey: shop.publishable_key })
        // storeCustomer's password: the SDK logs in the way a partner page does.
        const token = await client.login(customer.email, "a long enough password")
        expect(token.split(".")).toHaveLength(3)
        return { customer, client }
      }
      /** Tops up the customer's own wallet through the SDK and Medusa's checkout; waits for the money. */
      const topUp = async (customer: StoreCustomer, client: CashlessClient, amount: number) => {
        const cart = await client.createCart({ region_id: shop.region_id })
        const topped = await client.startTopUp({ cart_id: cart.id, amount })
        expect(topped.items[0].metadata).toMatchObject({ cashless_top_up: { kind: "customer", customer_id: customer.id } })
        await checkout(customer, cart.id)
        return eventually(() => client.myWallet(), (w) => eur(w?.balances) >= amount)
      }

      it("sees an empty wallet, tops it up through checkout, then sees the balance and the history", async () => {
        const { customer, client } = await loggedIn("Zoe")
        expect(await client.myWallet()).toBeNull()
        expect(await client.myWalletHistory()).toEqual({ items: [], next_cursor: null })

        const wallet = await topUp(customer, client, 3000)
        expect(eur(wallet?.balances)).toBe(3000)
        const history = await client.myWalletHistory({ limit: 10 })
        expect(history.next_cursor).toBeNull()
        expect(history.items).toEqual([
          expect.objectContaining({ kind: "credit", asset_code: "EUR", amount: 3000, balance_after: 3000, reversal: false }),
        ])
        expect(history.items[0]).not.toHaveProperty("external_ref")
        const bad = await refusal(client.myWalletHistory({ limit: 0 }))
        expect(bad.status).toBe(400)
        expect(bad.message).toMatch(/limit/)
      })

      it("applies wallet credit to a cart, refuses more than the cart comes to, and removes it", async () => {
        const { customer, client } = await loggedIn("Yann")
        await topUp(customer, client, 3000)
        const poster = await shop.product("Poster", 12)
        const cart = await client.createCart({ region_id: shop.region_id })
        expect((await customer.post(`/store/carts/${cart.id}/line-items`, { variant_id: poster.variant_id, quantity: 1 })).status).toBe(200)

        expect(await client.applyWalletCredit(cart.id, 500)).toMatchObject({ amount: 500, currency_code: "eur" })
        const tooMuch = await refusal(client.applyWalletCredit(cart.id, 2500))
        expect(tooMuch.status).toBe(400)
        expect(tooMuch.message).toMatch(/at most/)
        expect(await client.applyWalletCredit(cart.id)).toMatchObject({ amount: 1200 })
        expect(await client.removeWalletCredit(cart.id)).toEqual({ removed: 1 })
        expect(await client.removeWalletCredit(cart.id)).toEqual({ removed: 0 })
      })

      it("claims a card with what is printed on it, then declares it lost", async () => {
        const { client } = await loggedIn("Xavier")
        const card = await registerCard(admin, db, "SDK", "S")
        const wrong = await refusal(client.claimCard({ qr_token: card.qr_token, printed_number: "NOT-IT" }))
        expect(wrong.status).toBeGreaterThanOrEqual(400)
        expect(wrong.status).toBeLessThan(500)
        expect(wrong.message).toBeTruthy()

        const claimed = await client.claimCard({ qr_token: card.qr_token, printed_number: card.printed_number })
        expect(claimed.card).toMatchObject({ id: card.id, printed_number: card.printed_number })
        expect(claimed.changed).toBe(true)
        expect((await client.myCards()).map((c) => c.id)).toEqual([card.id])
        expect((await anonymous.qrCard(card.qr_token)).bound).toBe(true)

        const lost = await client.declareLost(card.id, "left at the bar")
        expect(lost.status).toBe("lost")
        expect(await anonymous.qrCard(card.qr_token)).toMatchObject({ status: "lost", usable: false })
      })

      it("reads its membership status and history", async () => {
        const { customer, client } = await loggedIn("Wanda")
        expect(await client.myMemberships()).toMatchObject({ membership: { status: "none", plan: null }, memberships: [] })
        const plan = await admin.post("/admin/cashless/membership-plans", { name: "SDK members", duration_unit: "months", duration_count: 12 })
        expect(plan.status).toBe(201)
        const granted = await admin.post("/admin/cashless/memberships", { plan_id: plan.data.plan.id, customer_id: customer.id, idempotency_key: key("grant") })
        expect(granted.status).toBeLessThan(300)
        const mine = await client.myMemberships()
        expect(mine.membership).toMatchObject({ status: "valid", plan: { name: "SDK members" } })
        expect(mine.memberships).toEqual([expect.objectContaining({ plan: { id: plan.data.plan.id, name: "SDK members" }, state: expect.any(String) })])
      })

      it("lists the tickets the customer bought, of one order, and opens one by its secret without login", async () => {
        const { customer, client } = await loggedIn("Tess")
        expect(await client.myTickets()).toEqual([])
        const location = await admin.post("/admin/stock-locations", { name: "SDK venue" })
        await admin.post(`/admin/stock-locations/${location.data.stock_location.id}/sales-channels`, { add: [shop.sales_channel_id] })
        const product = await admin.post("/admin/products", {
          title: "SDK gig",
          status: "published",
          options: [{ title: "Type", values: ["Seat"] }],
          variants: [{ title: "Seat", options: { Type: "Seat" }, manage_inventory: false, prices: [{ amount: 7, currency_code: "eur" }] }],
          sales_channels: [{ id: shop.sales_channel_id }],
        })
        const event = await admin.post("/admin/cashless/ticket-events", { name: "SDK gig", starts_at: "2099-03-01T19:00:00Z", capacity: 5, product_id: product.data.product.id })
        expect(event.status).toBe(201)
        const cart = await client.createCart({ region_id: shop.region_id })
        expect((await customer.post(`/store/carts/${cart.id}/line-items`, { variant_id: product.data.product.variants[0].id, quantity: 2 })).status).toBe(200)
        const { order_id } = await checkout(customer, cart.id)
        const tickets = await eventually(() => client.myTickets(order_id), (t) => t.length === 2)
        expect(tickets[0]).toMatchObject({ status: "valid", type_title: "Seat", order_id, event: { name: "SDK gig" } })
        expect(tickets[0].page_url).toContain(tickets[0].secret)
        expect(await anonymous.ticket(tickets[1].secret)).toEqual(tickets[1])
        const unknown = await refusal(anonymous.ticket(`tk_${"Z".repeat(24)}`))
        expect(unknown.status).toBe(404)
      })

      it("asks for a refund of money paid online, once per idempotency key, and is told when it is too much", async () => {
        const { customer, client } = await loggedIn("Victor")
        await topUp(customer, client, 3000)
        expect((await client.myRefunds()).refundable).toEqual([{ currency_code: "eur", balance: 3000, online: 3000 }])
        const idempotency_key = key("refund")
        const done = await client.requestRefund({ amount: 1000, idempotency_key })
        expect(done.refund).toMatchObject({ status: "succeeded", amount: 1000, refunded_amount: 1000, currency_code: "eur" })
        expect(eur(done.balances)).toBe(2000)
        expect((await client.requestRefund({ amount: 1000, idempotency_key })).refund.id).toBe(done.refund.id)
        expect(eur((await client.myWallet())?.balances)).toBe(2000)

        const tooMuch = await refusal(client.requestRefund({ amount: 999_999, idempotency_key: key("refund") }))
        expect(tooMuch.status).toBe(400)
        expect(tooMuch.message).toMatch(/EUR/)
        expect((await client.myRefunds()).refunds).toHaveLength(1)
      })
    })
  },
})
