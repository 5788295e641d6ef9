import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { registerCard } from "../helpers/cards"
import { eventually } from "../helpers/eventually"
import { ledgerClient, type LedgerClient, expectLedgerVerified } from "../helpers/ledger-api"
import { checkout, guest, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// Online top-ups through Medusa checkout (system payment provider): a card by its QR token
// without an account, one's own wallet, limits, refusals, credit once on capture, and the
// wallet resolved when the money arrives. Stripe and refunds come with the rest of #6.
jest.setTimeout(180_000)
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "top-ups")
    })
    afterEach(async () => {
      await expectLedgerVerified(admin)
    })

    const qrBalance = async (token: string) => {
      const res = await api.get(`/store/cashless/qr/${token}`, { headers: { "x-publishable-api-key": shop.publishable_key } })
      return (res.data.card.balances as Array<{ asset_code: string; balance: number }>).find((b) => b.asset_code === "EUR")?.balance ?? 0
    }

    it("tops up a card by its QR token without an account, credited once on capture even if the event comes twice", async () => {
      const card = await registerCard(admin, db, "Top-ups", "T")
      const visitor = guest(api, shop.publishable_key)
      const cart = await newCart(shop, visitor, "friend@example.com")
      const started = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 2000, qr_token: card.qr_token })
      expect(started.status).toBe(201)
      expect(started.data.cart.items).toHaveLength(1)
      expect(started.data.cart.items[0]).toMatchObject({ unit_price: 20, quantity: 1, metadata: { cashless_top_up: { kind: "card", card_id: card.id } } })
      expect(started.data.cart.total).toBe(20)
      // Whoever holds only the QR code never learns the claim's second factor (nor the UID).
      expect(JSON.stringify(started.data)).not.toContain(card.printed_number)
      expect(JSON.stringify(started.data)).not.toContain(card.uid)
      // The top-up product is in no sales channel: storefronts listing products never show it.
      const listed = await visitor.get("/store/products?fields=handle")
      expect(listed.data.products.map((p: { handle: string }) => p.handle)).not.toContain("cashless-top-up-eur")
      expect((await admin.get("/admin/products?handle=cashless-top-up-eur")).data.products).toHaveLength(1)
      expect(await qrBalance(card.qr_token)).toBe(0)

      const { order_id } = await checkout(visitor, cart)
      expect(await eventually(() => qrBalance(card.qr_token), (b) => b > 0)).toBe(2000)
      const order = await admin.get(`/admin/orders/${order_id}?fields=id,payment_status`)
      expect(order.data.order.payment_status).toBe("captured")
      const { rows: entries } = await db.raw(`select kind, external_ref, idempotency_key from cashless_journal_entry where external_ref like ?`, [`order:${order_id}%`])
      expect(entries).toHaveLength(1)
      expect(entries[0].kind).toBe("credit")
      expect(entries[0].external_ref).toMatch(new RegExp(`^order:${order_id} payment:pay_`))

      const { rows: payments } = await db.raw(
        `select p.id from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
        [order_id]
      )
      await getContainer().resolve(Modules.EVENT_BUS).emit([
        { name: "payment.captured", data: { id: payments[0].id } },
        { name: "payment.captured", data: { id: payments[0].id } },
        { name: "order.placed", data: { id: order_id } },
      ])
      await new Promise((r) => setTimeout(r, 1500))
      expect(await qrBalance(card.qr_token)).toBe(2000)
      expect((await db.raw(`select count(*) as n from cashless_journal_entry where external_ref like ?`, [`order:${order_id}%`])).rows[0].n).toBe("1")
    })

    it("tops up the logged-in customer's own wallet", async () => {
      const zoe = await storeCustomer(api, shop.publishable_key, "Zoe")
      const cart = await newCart(shop, zoe)
      // Someone else who learnt the cart's id cannot make Zoe's checkout pay for their own wallet.
      const other = await storeCustomer(api, shop.publishable_key, "Yann")
      const intruding = await other.post("/store/cashless/top-ups", { cart_id: cart, amount: 1550 })
      expect({ status: intruding.status, message: intruding.data.message }).toEqual({ status: 404, message: `Cart ${cart} not found.` })
      expect((await zoe.get(`/store/carts/${cart}`)).data.cart.items).toHaveLength(0)
      expect((await zoe.post("/store/cashless/top-ups", { cart_id: cart, amount: 1550 })).status).toBe(201)
      await checkout(zoe, cart)
      const balance = async () => {
        const res = await admin.get(`/admin/cashless/customers/${zoe.id}/wallet`)
        return ((res.data.wallet?.balances ?? []) as Array<{ asset_code: string; balance: number }>).find((b) => b.asset_code === "EUR")?.balance ?? 0
      }
      expect(await eventually(balance, (b) => b > 0)).toBe(1550)
    })

    it("credits the holder when the card was claimed between the top-up and the payment", async () => {
      const card = await registerCard(admin, db, "Top-ups", "T")
      const visitor = guest(api, shop.publishable_key)
      const cart = await newCart(shop, visitor, "parent@example.com")
      await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 1000, qr_token: card.qr_token })
      const owner = await storeCustomer(api, shop.publishable_key, "Owner")
      expect((await owner.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number })).status).toBe(200)
      await checkout(visitor, cart)
      const wallet = async () =>
        ((await admin.get(`/admin/cashless/customers/${owner.id}/wallet`)).data.wallet?.balances ?? []).find(
          (b: { asset_code: string }) => b.asset_code === "EUR"
        )?.balance ?? 0
      expect(await eventually(wallet, (b) => b > 0)).toBe(1000)
      expect(await qrBalance(card.qr_token)).toBe(1000)
    })

    it("sells a top-up without VAT (multi-purpose voucher) while other products of the cart are taxed", async () => {
      const region = (
        await admin.post("/admin/regions", { name: "France", currency_code: "eur", countries: ["fr"], payment_providers: ["pp_system_default"] })
      ).data.region
      const created = await admin.post("/admin/tax-regions", {
        country_code: "fr",
        provider_id: "tp_system",
        default_tax_rate: { name: "TVA", code: "FR20", rate: 20 },
      })
      expect(created.status).toBe(200)
      const france = created.data.tax_region
      // A province's default rate outranks a country's product rate in Medusa: it needs its own.
      const paris = await admin.post("/admin/tax-regions", {
        country_code: "fr",
        province_code: "fr-75",
        parent_id: france.id,
        default_tax_rate: { name: "TVA Paris", code: "FR75", rate: 20 },
      })
      expect(paris.status).toBe(200)
      const poster = await shop.product("Poster", 30)
      const zoe = await storeCustomer(api, shop.publishable_key, "Vat")
      for (const province_code of [undefined, "fr-75"]) {
        const created = await zoe.post("/store/carts", {
          region_id: region.id,
          sales_channel_id: shop.sales_channel_id,
          shipping_address: { country_code: "fr", province: province_code, first_name: "Vat", last_name: "Test", address_1: "1 rue", city: "Paris", postal_code: "75001" },
        })
        expect(created.data).toMatchObject({ cart: { id: expect.any(String) } })
        const cart = created.data.cart.id as string
        expect((await zoe.post("/store/cashless/top-ups", { cart_id: cart, amount: 2000 })).status).toBe(201)
        expect((await zoe.post(`/store/carts/${cart}/line-items`, { variant_id: poster.variant_id, quantity: 1 })).status).toBe(200)
        const shown = (await zoe.get(`/store/carts/${cart}?fields=*items,*items.tax_lines,tax_total,total`)).data.cart
        const topUpLine = shown.items.find((i: { metadata?: Record<string, unknown> }) => i.metadata?.cashless_top_up)
        const posterLine = shown.items.find((i: { variant_id: string }) => i.variant_id === poster.variant_id)
        expect(topUpLine.tax_lines.map((t: { rate: number }) => t.rate)).toEqual([0])
        expect(posterLine.tax_lines.map((t: { rate: number }) => t.rate)).toEqual([20])
        expect(shown.tax_total).toBe(6)
        expect(shown.total).toBe(56)
      }
    })

    it("refuses amounts outside the limits, a second top-up in a cart, unknown targets and unusable cards, writing nothing", async () => {
      const card = await registerCard(admin, db, "Top-ups", "T")
      const visitor = guest(api, shop.publishable_key)
      const cart = await newCart(shop, visitor, "someone@example.com")
      const tooSmall = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 499, qr_token: card.qr_token })
      expect(tooSmall.status).toBe(400)
      expect(tooSmall.data.message).toBe("A top-up is from 5.00 EUR to 500.00 EUR; 4.99 EUR is outside.")
      const tooBig = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 50_001, qr_token: card.qr_token })
      expect(tooBig.status).toBe(400)
      const fraction = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 10.5, qr_token: card.qr_token })
      expect(fraction.status).toBe(400)
      expect(fraction.data.message).toMatch(/minor units/)
      const nobody = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 1000 })
      expect(nobody.status).toBe(401)
      expect(nobody.data.message).toMatch(/Log in to top up your own wallet, or give the QR token/)
      const unknown = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 1000, qr_token: "x".repeat(27) })
      expect(unknown.status).toBe(404)
      expect((await visitor.get(`/store/carts/${cart}`)).data.cart.items).toHaveLength(0)

      await admin.post(`/admin/cashless/cards/${card.id}/block`, { reason: "Found on the floor" })
      const blocked = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 1000, qr_token: card.qr_token })
      expect(blocked.status).toBe(409)
      expect(blocked.data).toMatchObject({ code: "card_unusable", message: "This card cannot be topped up: it is blocked." })
      await admin.post(`/admin/cashless/cards/${card.id}/unblock`, { reason: "Owner came back" })

      expect((await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 1000, qr_token: card.qr_token })).status).toBe(201)
      const second = await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 1000, qr_token: card.qr_token })
      expect(second.status).toBe(400)
      expect(second.data.message).toMatch(/already holds a top-up/)
      expect((await visitor.get(`/store/carts/${cart}`)).data.cart.items).toHaveLength(1)
    })
  },
})
