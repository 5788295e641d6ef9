import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually } from "../helpers/eventually"
import { key, ledgerClient, type LedgerClient, expectLedgerVerified } from "../helpers/ledger-api"
import { checkout, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// Money moved outside the plugin stays consistent (#6): a top-up order cancelled or refunded
// from the Medusa admin takes its money back out of the wallet (refused when it was spent), an
// order paid with wallet money gives it back when cancelled, a cart paid in full by the wallet
// needs no provider, and wallet money cannot buy a top-up.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let concert: string

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "order-money")
      concert = (await shop.product("Concert ticket", 30)).variant_id
    })
    afterEach(async () => {
      await expectLedgerVerified(admin)
    })

    const walletId = async (c: StoreCustomer) => (await admin.get(`/admin/cashless/customers/${c.id}/wallet`)).data.wallet?.id as string
    const balance = async (c: StoreCustomer, asset = "EUR") =>
      (((await admin.get(`/admin/cashless/customers/${c.id}/wallet`)).data.wallet?.balances ?? []) as Array<{ asset_code: string; balance: number }>).find(
        (b) => b.asset_code === asset
      )?.balance ?? 0
    const topUp = async (c: StoreCustomer, amount: number) => {
      const before = await balance(c)
      const cart = await newCart(shop, c)
      expect((await c.post("/store/cashless/top-ups", { cart_id: cart, amount })).status).toBe(201)
      const { order_id } = await checkout(c, cart)
      await eventually(() => balance(c), (b) => b === before + amount)
      const { rows } = await db.raw(
        `select p.id from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
        [order_id]
      )
      return { order_id, payment_id: rows[0].id as string }
    }
    const spend = async (c: StoreCustomer, amount: number) => {
      const res = await admin.post(`/admin/cashless/wallets/${await walletId(c)}/spend`, {
        amount,
        currency_code: "eur",
        point_of_sale: "bar",
        idempotency_key: key("spend"),
      })
      expect(res.status).toBe(200)
    }
    const orderStatus = async (id: string) => (await admin.get(`/admin/orders/${id}?fields=id,status,payment_status`)).data.order

    it("cancelling a top-up order in the Medusa admin takes its money back out of the wallet, and is refused once it was spent", async () => {
      const zoe = await storeCustomer(api, shop.publishable_key, "Zoe")
      const spent = await topUp(zoe, 2000)
      await spend(zoe, 1500)
      const refused = await admin.post(`/admin/orders/${spent.order_id}/cancel`, {})
      expect(refused.status).toBe(409)
      expect(refused.data.code).toBe("top_up_spent")
      expect(refused.data.message).toMatch(/^Order #\d+ put 20\.00 EUR of top-up in a wallet that holds 5\.00 EUR of it now: the rest was spent\./)
      expect((await orderStatus(spent.order_id)).status).not.toBe("canceled")
      expect(await balance(zoe)).toBe(500)

      const kept = await topUp(zoe, 1000)
      const cancelled = await admin.post(`/admin/orders/${kept.order_id}/cancel`, {})
      expect(cancelled.status).toBe(200)
      expect(await balance(zoe)).toBe(500)
      expect((await orderStatus(kept.order_id)).status).toBe("canceled")
      const { rows } = await db.raw(`select kind, external_ref from cashless_journal_entry where external_ref like ? order by created_at`, [`order:${kept.order_id} %`])
      expect(rows.map((r) => r.kind)).toEqual(["credit", "refund"])
      // The order.canceled subscriber finds nothing more to take.
      await new Promise((r) => setTimeout(r, 1000))
      expect(await balance(zoe)).toBe(500)
    })

    it("refunding a top-up payment in the Medusa admin debits the wallet; a refused refund leaves it whole", async () => {
      const yan = await storeCustomer(api, shop.publishable_key, "Yan")
      const paid = await topUp(yan, 2000)
      const refunded = await admin.post(`/admin/payments/${paid.payment_id}/refund`, { amount: 8 })
      expect(refunded.status).toBe(200)
      expect(await balance(yan)).toBe(1200)
      // Medusa refuses more than was captured: what the guard took is put back.
      const tooMuch = await admin.post(`/admin/payments/${paid.payment_id}/refund`, { amount: 50 })
      expect(tooMuch.status).toBe(400)
      expect(await eventually(() => balance(yan), (b) => b === 1200)).toBe(1200)
      await spend(yan, 1000)
      const spentNow = await admin.post(`/admin/payments/${paid.payment_id}/refund`, { amount: 5 })
      expect(spentNow.status).toBe(409)
      expect(spentNow.data.message).toMatch(/holds 2\.00 EUR of it now/)
      expect(await balance(yan)).toBe(200)
      expect((await db.raw(`select count(*)::int as n from refund where payment_id = ? and deleted_at is null`, [paid.payment_id])).rows[0].n).toBe(1)
      // What the wallet still holds of it can go back, through the wallet's own refund.
      const rest = await yan.post("/store/cashless/me/refunds", { amount: 200, idempotency_key: key("refund") })
      expect(rest.status).toBe(200)
      expect(rest.data.refund.parts).toEqual([expect.objectContaining({ payment_id: paid.payment_id, amount: 200 })])
    })

    it("puts the money back when Medusa refuses the refund after the wallet was debited", async () => {
      const ugo = await storeCustomer(api, shop.publishable_key, "Ugo")
      const paid = await topUp(ugo, 1000)
      const bad = await admin.post(`/admin/payments/${paid.payment_id}/refund`, { amount: 5, refund_reason_id: "refr_does_not_exist" })
      expect(bad.status).toBeGreaterThanOrEqual(400)
      expect(await eventually(() => balance(ugo), (b) => b === 1000)).toBe(1000)
      // The guard did take it first, and put it back with a reversal (never a delete).
      const { rows } = await db.raw(
        `select e.kind, exists (select 1 from cashless_journal_entry r where r.reverses_id = e.id) as reversed
           from cashless_journal_entry e where e.external_ref like ? order by e.created_at`,
        [`order:${paid.order_id} %`]
      )
      expect(rows).toEqual([
        { kind: "credit", reversed: false },
        { kind: "refund", reversed: true },
      ])
    })

    it("gives wallet money back when an order paid with it is cancelled, gift credit as gift credit", async () => {
      const ana = await storeCustomer(api, shop.publishable_key, "Ana")
      await topUp(ana, 2500)
      expect((await admin.gift(await walletId(ana), 500)).status).toBe(200)
      const cart = await newCart(shop, ana)
      await ana.post(`/store/carts/${cart}/line-items`, { variant_id: concert, quantity: 1 })
      expect((await ana.post(`/store/cashless/me/carts/${cart}/wallet-credit`, {})).data.wallet_credit.amount).toBe(3000)
      // Paid in full by the wallet: nothing for a provider to do.
      expect((await ana.get(`/store/carts/${cart}`)).data.cart.total).toBe(0)
      const done = await ana.post(`/store/carts/${cart}/complete`, {})
      expect(done.data.type).toBe("order")
      expect(await balance(ana)).toBe(0)
      expect(await balance(ana, "EUR_GIFT")).toBe(0)

      expect((await admin.post(`/admin/orders/${done.data.order.id}/cancel`, {})).status).toBe(200)
      expect(await eventually(() => balance(ana), (b) => b === 2500)).toBe(2500)
      expect(await balance(ana, "EUR_GIFT")).toBe(500)
    })

    it("refuses to pay a top-up with wallet money, either way round", async () => {
      const max = await storeCustomer(api, shop.publishable_key, "Max")
      await topUp(max, 1000)
      const withTopUp = await newCart(shop, max)
      expect((await max.post("/store/cashless/top-ups", { cart_id: withTopUp, amount: 1000 })).status).toBe(201)
      const applied = await max.post(`/store/cashless/me/carts/${withTopUp}/wallet-credit`, {})
      expect(applied.status).toBe(400)
      expect(applied.data.message).toBe("A top-up cannot be paid with wallet money: remove the wallet payment or the top-up.")

      const withCredit = await newCart(shop, max)
      await max.post(`/store/carts/${withCredit}/line-items`, { variant_id: concert, quantity: 1 })
      expect((await max.post(`/store/cashless/me/carts/${withCredit}/wallet-credit`, { amount: 500 })).status).toBe(200)
      const started = await max.post("/store/cashless/top-ups", { cart_id: withCredit, amount: 1000 })
      expect(started.status).toBe(400)
      expect(await balance(max)).toBe(1000)
    })
  },
})
