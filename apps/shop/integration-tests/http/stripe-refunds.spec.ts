import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually } from "../helpers/eventually"
import { key, ledgerClient, type LedgerClient, expectLedgerVerified } from "../helpers/ledger-api"
import { newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { payWithStripe, STRIPE } from "../helpers/stripe-checkout"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import type { LocalStripe } from "../stripe/local-stripe-server"
import { useLocalStripe } from "../stripe/local-stripe-suite"
import type { Db } from "../helpers/db"

// Refunds at any time through Medusa's Stripe provider and the official stripe SDK, against the
// local Stripe-compatible server: a refund spanning two top-up payments is two Stripe refunds,
// a retried request pays nothing more, and when Stripe refuses a share mid-way what was paid
// back is booked, the rest stays in the wallet and the same request later sends only that.
// Webhooks are covered by stripe-checkout.spec.ts: here the server posts none.
jest.setTimeout(240_000)
delete process.env.REDIS_URL
const localStripe = useLocalStripe()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let stripe: LocalStripe

    beforeAll(async () => {
      stripe = localStripe()
      stripe.autoWebhooks = false
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "stripe-refunds", { providers: ["pp_system_default", STRIPE] })
    })
    afterEach(async () => {
      stripe.refusedRefundIntents.clear()
      await expectLedgerVerified(admin)
    })

    const balance = async (c: StoreCustomer) =>
      (((await admin.get(`/admin/cashless/customers/${c.id}/wallet`)).data.wallet?.balances ?? []) as Array<{ asset_code: string; balance: number }>).find(
        (b) => b.asset_code === "EUR"
      )?.balance ?? 0
    /** A top-up of the customer's own wallet paid by card through Stripe; answers its intent. */
    const topUpByCard = async (c: StoreCustomer, amount: number) => {
      const before = await balance(c)
      const cart = await newCart(shop, c)
      expect((await c.post("/store/cashless/top-ups", { cart_id: cart, amount })).status).toBe(201)
      const paid = await payWithStripe(c, stripe, cart)
      expect(await eventually(() => balance(c), (b) => b === before + amount)).toBe(before + amount)
      expect(stripe.intent(paid.intent_id)).toMatchObject({ status: "succeeded", amount_received: amount })
      return paid.intent_id
    }
    const refundsOf = (intentId: string) =>
      stripe.calls("refunds.create").filter((c) => c.status === 200 && !c.replayed && c.params.payment_intent === intentId).map((c) => Number(c.params.amount))

    it("refunds an amount spanning two card payments as two Stripe refunds, newest first, and a retry pays nothing more", async () => {
      const ines = await storeCustomer(api, shop.publishable_key, "Ines")
      const older = await topUpByCard(ines, 2000)
      const newer = await topUpByCard(ines, 1500)
      const idempotency_key = key("refund")
      const res = await ines.post("/store/cashless/me/refunds", { amount: 2500, idempotency_key })
      expect(res.status).toBe(200)
      expect(res.data.refund).toMatchObject({ status: "succeeded", refunded_amount: 2500 })
      expect(refundsOf(newer)).toEqual([1500])
      expect(refundsOf(older)).toEqual([1000])
      expect(stripe.intent(newer)).toMatchObject({ amount_received: 1500 })
      expect(await balance(ines)).toBe(1000)

      const calls = stripe.calls("refunds.create").length
      const again = await ines.post("/store/cashless/me/refunds", { amount: 2500, idempotency_key })
      expect(again.status).toBe(200)
      expect(again.data.refund).toMatchObject({ replayed: true, refunded_amount: 2500 })
      expect(stripe.calls("refunds.create")).toHaveLength(calls)
      expect(await balance(ines)).toBe(1000)
    })

    it("books what Stripe paid back when it refuses a share mid-way, keeps the rest in the wallet, and the same request sends only the rest", async () => {
      const noe = await storeCustomer(api, shop.publishable_key, "Noe")
      const older = await topUpByCard(noe, 1000)
      const newer = await topUpByCard(noe, 1000)
      stripe.refusedRefundIntents.set(older, "card_error")
      const idempotency_key = key("refund")

      const partial = await noe.post("/store/cashless/me/refunds", { amount: 1800, idempotency_key })
      expect(partial.status).toBe(502)
      expect(partial.data).toMatchObject({ code: "refund_partial", refund: { status: "partial", amount: 1800, refunded_amount: 1000 } })
      expect(partial.data.message).toMatch(
        /^10\.00 EUR went back to the original payment\(s\); the payment provider refused the other 8\.00 EUR \(.+\)\. It is still in the wallet: retry with the same idempotency key/
      )
      expect(partial.data.refund.parts.map((p: { status: string; amount: number }) => [p.status, p.amount])).toEqual([
        ["paid", 1000],
        ["failed", 800],
      ])
      expect(refundsOf(newer)).toEqual([1000])
      expect(refundsOf(older)).toEqual([])
      // Booked: the paid share left the wallet; the refused one was reversed, not deleted.
      expect(await balance(noe)).toBe(1000)
      const { rows } = await db.raw(
        `select e.kind, exists (select 1 from cashless_journal_entry r where r.reverses_id = e.id) as reversed
           from cashless_journal_entry e where e.kind = 'refund' and e.external_ref like ? order by e.created_at`,
        [`%refund:${partial.data.refund.id}`]
      )
      expect(rows).toEqual([
        { kind: "refund", reversed: false },
        { kind: "refund", reversed: true },
      ])
      // Medusa's view agrees: one refund on the newer payment, none on the older.
      const { rows: medusa } = await db.raw(
        `select p.data->>'id' as intent, count(r.id)::int as n from payment p left join refund r on r.payment_id = p.id and r.deleted_at is null
          where p.data->>'id' in (?, ?) group by 1`,
        [older, newer]
      )
      expect(Object.fromEntries(medusa.map((m) => [m.intent, m.n]))).toEqual({ [older]: 0, [newer]: 1 })

      // Stripe accepts again: the same request sends the 8.00 EUR still owed, and nothing twice.
      stripe.refusedRefundIntents.clear()
      const finished = await noe.post("/store/cashless/me/refunds", { amount: 1800, idempotency_key })
      expect(finished.status).toBe(200)
      expect(finished.data.refund).toMatchObject({ status: "succeeded", refunded_amount: 1800 })
      expect(refundsOf(newer)).toEqual([1000])
      expect(refundsOf(older)).toEqual([800])
      expect(await balance(noe)).toBe(200)
    })

    it("leaves the wallet whole when Stripe refuses everything", async () => {
      const ugo = await storeCustomer(api, shop.publishable_key, "Ugo")
      const intent = await topUpByCard(ugo, 1200)
      stripe.refusedRefundIntents.set(intent, "api_error")
      const res = await ugo.post("/store/cashless/me/refunds", { amount: 500, idempotency_key: key("refund") })
      expect(res.status).toBe(502)
      expect(res.data).toMatchObject({ code: "refund_failed", refund: { status: "failed", refunded_amount: 0 } })
      expect(res.data.message).toMatch(/^The payment provider refused the 5\.00 EUR \(.+\)\. It is still in the wallet/)
      expect(await balance(ugo)).toBe(1200)
    })
  },
})
