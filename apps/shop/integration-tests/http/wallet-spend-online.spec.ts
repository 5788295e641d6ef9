import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { key, ledgerClient, type LedgerClient, expectLedgerVerified } from "../helpers/ledger-api"
import { checkout, guest, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// Spending the wallet in the online shop: a cart credit line applied by the customer, debited
// inside the cart's completion (never without the order, never twice), the rest paid by the
// payment provider (here Medusa's system provider; Stripe comes with the rest of #6).
jest.setTimeout(180_000)
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let concert: string
    let poster: string

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "wallet-spend")
      concert = (await shop.product("Concert ticket", 30)).variant_id
      const profile = await admin.post("/admin/shipping-profiles", { name: "Parcels", type: "default" })
      poster = (await shop.product("Poster", 10, undefined, { shipping_profile_id: profile.data.shipping_profile.id })).variant_id
    })
    afterEach(async () => {
      await expectLedgerVerified(admin)
    })

    /** A customer whose wallet holds `cents` of refundable euros. */
    async function customerWith(name: string, cents: number): Promise<StoreCustomer & { wallet: string }> {
      const customer = await storeCustomer(api, shop.publishable_key, name)
      const wallet = (await admin.get(`/admin/cashless/customers/${customer.id}/wallet`)).data.wallet?.id ??
        (await admin.post(`/admin/cashless/wallets`, { label: name, customer_id: customer.id })).data.wallet.id
      if (cents) {
        const credited = await admin.post(`/admin/cashless/wallets/${wallet}/credit`, {
          asset_code: "EUR",
          amount: cents,
          source: "online_payments",
          idempotency_key: key("credit"),
        })
        if (credited.status !== 200) throw new Error(`credit: ${credited.status} ${JSON.stringify(credited.data)}`)
      }
      return { ...customer, wallet }
    }
    const balance = async (wallet: string) =>
      ((await admin.get(`/admin/cashless/wallets/${wallet}`)).data.wallet.balances as Array<{ asset_code: string; balance: number }>)
        .filter((b) => b.asset_code === "EUR")
        .reduce((sum, b) => sum + b.balance, 0)

    it("pays part of an order with the wallet and the rest with the provider, debiting once at completion", async () => {
      const ana = await customerWith("Ana", 3000)
      const cart = await newCart(shop, ana)
      await ana.post(`/store/carts/${cart}/line-items`, { variant_id: concert, quantity: 1 })
      const applied = await ana.post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 2000 })
      expect(applied.status).toBe(200)
      expect(applied.data.wallet_credit).toMatchObject({ amount: 2000, currency_code: "eur", wallet_id: ana.wallet })
      expect((await ana.get(`/store/carts/${cart}`)).data.cart.total).toBe(10)
      // Nothing is debited before the order exists.
      expect(await balance(ana.wallet)).toBe(3000)

      const { order_id } = await checkout(ana, cart)
      expect(await balance(ana.wallet)).toBe(1000)
      const order = await admin.get(`/admin/orders/${order_id}?fields=id,total,credit_lines.amount,credit_lines.reference,payment_collections.amount`)
      expect(order.data.order.credit_lines).toEqual([expect.objectContaining({ amount: 20, reference: "cashless_wallet" })])
      expect(order.data.order.payment_collections[0].amount).toBe(10)
      const { rows } = await db.raw(`select kind, external_ref from cashless_journal_entry where external_ref = ?`, [`cart:${cart}`])
      expect(rows).toEqual([{ kind: "spend", external_ref: `cart:${cart}` }])

      // Completing the same cart again (a retried request) debits nothing more.
      const again = await ana.post(`/store/carts/${cart}/complete`, {})
      expect(again.data.type).toBe("order")
      expect(await balance(ana.wallet)).toBe(1000)
    })

    it("applies as much as the wallet and the cart allow, and refuses more, others' carts and guests", async () => {
      const ben = await customerWith("Ben", 1200)
      const cart = await newCart(shop, ben)
      await ben.post(`/store/carts/${cart}/line-items`, { variant_id: concert, quantity: 1 })
      const all = await ben.post(`/store/cashless/me/carts/${cart}/wallet-credit`, {})
      expect(all.data.wallet_credit.amount).toBe(1200)
      // Applying again replaces the line: one credit line, the new amount.
      await ben.post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 500 })
      const shown = (await ben.get(`/store/carts/${cart}`)).data.cart
      expect(shown.total).toBe(25)
      const tooMuch = await ben.post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 1300 })
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toBe("Your wallet holds 12.00 EUR: apply at most that.")

      const rich = await customerWith("Rich", 10_000)
      const small = await newCart(shop, rich)
      await rich.post(`/store/carts/${small}/line-items`, { variant_id: concert, quantity: 1 })
      const overCart = await rich.post(`/store/cashless/me/carts/${small}/wallet-credit`, { amount: 3100 })
      expect(overCart.status).toBe(400)
      expect(overCart.data.message).toBe("The cart comes to 30.00 EUR: apply at most that.")

      const notMine = await rich.post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 100 })
      expect(notMine.status).toBe(404)
      const anonymous = await guest(api, shop.publishable_key).post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 100 })
      expect(anonymous.status).toBe(401)

      const removed = await ben.delete(`/store/cashless/me/carts/${cart}/wallet-credit`)
      expect(removed.data).toEqual({ removed: 1 })
      expect((await ben.get(`/store/carts/${cart}`)).data.cart.total).toBe(30)
    })

    it("leaves the balance as it was when the completion fails after the debit, and debits once when it is retried", async () => {
      const cleo = await customerWith("Cleo", 5000)
      const cart = await newCart(shop, cleo)
      await cleo.post(`/store/carts/${cart}/line-items`, { variant_id: concert, quantity: 1 })
      const added = await cleo.post(`/store/carts/${cart}/line-items`, { variant_id: poster, quantity: 1 })
      const posterLine = (added.data.cart.items as Array<{ id: string; variant_id: string }>).find((i) => i.variant_id === poster)!.id
      await cleo.post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 2000 })
      const collection = (await cleo.post("/store/payment-collections", { cart_id: cart })).data.payment_collection
      await cleo.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" })

      // The poster must be shipped and the cart has no shipping method: the completion fails
      // after the wallet was debited, which its compensation reverses.
      const failed = await cleo.post(`/store/carts/${cart}/complete`, {})
      expect(failed.data.type).not.toBe("order")
      expect(await balance(cleo.wallet)).toBe(5000)
      const { rows } = await db.raw(
        `select kind from cashless_journal_entry where external_ref = ? or reverses_id in (select id from cashless_journal_entry where external_ref = ?) order by created_at`,
        [`cart:${cart}`, `cart:${cart}`]
      )
      expect(rows.map((r) => r.kind)).toEqual(["spend", "reversal"])

      // Without the poster the same cart completes, and this attempt really debits.
      expect((await cleo.delete(`/store/carts/${cart}/line-items/${posterLine}`)).status).toBe(200)
      // The cart changed: its payment session is made again, as a storefront does.
      await cleo.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      const done = await cleo.post(`/store/carts/${cart}/complete`, {})
      expect(done.data).toMatchObject({ type: "order" })
      expect(await balance(cleo.wallet)).toBe(3000)
    })

    it("refuses the completion with what is missing when the wallet was emptied meanwhile", async () => {
      const dan = await customerWith("Dan", 2000)
      const cart = await newCart(shop, dan)
      await dan.post(`/store/carts/${cart}/line-items`, { variant_id: concert, quantity: 1 })
      await dan.post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 2000 })
      // Spent at the bar between applying and paying.
      await admin.post(`/admin/cashless/wallets/${dan.wallet}/spend`, {
        amount: 1500,
        currency_code: "eur",
        point_of_sale: "bar",
        idempotency_key: key("bar"),
      })
      const collection = (await dan.post("/store/payment-collections", { cart_id: cart })).data.payment_collection
      await dan.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      const refused = await dan.post(`/store/carts/${cart}/complete`, {})
      expect(refused.data.type).not.toBe("order")
      expect(JSON.stringify(refused.data)).toContain("Your wallet no longer holds the 20.00 EUR applied to this cart")
      expect(await balance(dan.wallet)).toBe(500)
    })
  },
})
