import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { registerCard } from "../helpers/cards"
import { eventually } from "../helpers/eventually"
import { key, ledgerClient, type LedgerClient, expectLedgerVerified } from "../helpers/ledger-api"
import { checkout, guest, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// Refunds at any time (#6) with Medusa's system provider: split across the top-up payments
// newest first through Medusa's refund flow, retried safely, gift credit kept, money not
// paid online refused with where to get it, one refund at a time per wallet. A provider
// refusing mid-way is in stripe-refunds.spec.ts, against the local Stripe server.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "refunds")
    })
    afterEach(async () => {
      await expectLedgerVerified(admin)
    })

    const walletOf = async (customer: StoreCustomer) => (await admin.get(`/admin/cashless/customers/${customer.id}/wallet`)).data.wallet
    const balance = async (customer: StoreCustomer, asset = "EUR") =>
      (((await walletOf(customer))?.balances ?? []) as Array<{ asset_code: string; balance: number }>).find((b) => b.asset_code === asset)?.balance ?? 0

    /** Tops up the customer's own wallet through checkout; answers the order and its payment. */
    const topUp = async (customer: StoreCustomer, amount: number) => {
      const before = await balance(customer)
      const cart = await newCart(shop, customer)
      expect((await customer.post("/store/cashless/top-ups", { cart_id: cart, amount })).status).toBe(201)
      const { order_id } = await checkout(customer, cart)
      expect(await eventually(() => balance(customer), (b) => b === before + amount)).toBe(before + amount)
      const { rows } = await db.raw(
        `select p.id from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
        [order_id]
      )
      return { order_id, payment_id: rows[0].id as string }
    }
    const medusaRefunds = async (paymentId: string) =>
      (await db.raw(`select amount, note, metadata from refund where payment_id = ? and deleted_at is null order by created_at`, [paymentId])).rows

    it("refunds across two top-up payments, newest first, once however often it is retried, and keeps the gift", async () => {
      const ines = await storeCustomer(api, shop.publishable_key, "Ines")
      const first = await topUp(ines, 2000)
      const second = await topUp(ines, 1500)
      const walletId = (await walletOf(ines)).id as string
      expect((await admin.gift(walletId, 500)).status).toBe(200)

      const offer = await ines.get("/store/cashless/me/refunds")
      expect(offer.status).toBe(200)
      expect(offer.data.refundable).toEqual([{ currency_code: "eur", balance: 3500, online: 3500 }])

      const idempotency_key = key("refund")
      const res = await ines.post("/store/cashless/me/refunds", { amount: 2500, idempotency_key })
      expect(res.status).toBe(200)
      expect(res.data.refund).toMatchObject({ status: "succeeded", amount: 2500, refunded_amount: 2500, currency_code: "eur" })
      expect(res.data.refund.parts).toEqual([
        expect.objectContaining({ payment_id: second.payment_id, order_id: second.order_id, amount: 1500, status: "paid" }),
        expect.objectContaining({ payment_id: first.payment_id, order_id: first.order_id, amount: 1000, status: "paid" }),
      ])
      expect(await balance(ines)).toBe(1000)
      expect(await balance(ines, "EUR_GIFT")).toBe(500)
      // Each share went through Medusa's refund flow: one refund on each payment.
      expect((await medusaRefunds(second.payment_id)).map((r) => Number(r.amount))).toEqual([15])
      expect((await medusaRefunds(first.payment_id)).map((r) => Number(r.amount))).toEqual([10])
      const { rows: entries } = await db.raw(`select kind, external_ref from cashless_journal_entry where kind = 'refund' and external_ref like ?`, [
        `%refund:${res.data.refund.id}`,
      ])
      expect(entries.map((e) => e.external_ref).sort()).toEqual(
        [`order:${first.order_id} payment:${first.payment_id} refund:${res.data.refund.id}`, `order:${second.order_id} payment:${second.payment_id} refund:${res.data.refund.id}`].sort()
      )

      // Money paid out cannot be put back by staff: reversing a refund is refused, nothing written.
      const { rows: paidOut } = await db.raw(`select id from cashless_journal_entry where kind = 'refund' and external_ref like ?`, [
        `%refund:${res.data.refund.id}`,
      ])
      const reversed = await admin.post(`/admin/cashless/entries/${paidOut[0].id}/reverse`, { reason: "oops", idempotency_key: key("reverse") })
      expect(reversed.status).toBe(400)
      expect(reversed.data.message).toMatch(/cannot be reversed/)
      expect(await balance(ines)).toBe(1000)

      // The same request again (a timeout, a double click) pays nothing more.
      const again = await ines.post("/store/cashless/me/refunds", { amount: 2500, idempotency_key })
      expect(again.status).toBe(200)
      expect(again.data.refund).toMatchObject({ id: res.data.refund.id, replayed: true, refunded_amount: 2500 })
      expect(await balance(ines)).toBe(1000)
      expect(await medusaRefunds(second.payment_id)).toHaveLength(1)
      expect(await medusaRefunds(first.payment_id)).toHaveLength(1)
      const changed = await ines.post("/store/cashless/me/refunds", { amount: 100, idempotency_key })
      expect(changed.status).toBe(409)
      expect(changed.data.code).toBe("idempotency_conflict")

      // Gift credit never goes back.
      const tooMuch = await ines.post("/store/cashless/me/refunds", { amount: 1500, idempotency_key: key("refund") })
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toBe(
        "The wallet holds 10.00 EUR of refundable money (its 5.00 EUR of gift credit is not refundable): refund at most that."
      )

      // The rest, through the admin route; the wallet page's figures follow.
      const rest = await admin.post(`/admin/cashless/wallets/${walletId}/refunds`, { amount: 1000, idempotency_key: key("refund"), reason: "leaving town" })
      expect(rest.status).toBe(200)
      expect(rest.data.refund.parts).toEqual([expect.objectContaining({ payment_id: first.payment_id, amount: 1000, status: "paid" })])
      const topUps = await admin.get(`/admin/cashless/wallets/${walletId}/top-ups`)
      expect(topUps.data.top_ups).toEqual([
        expect.objectContaining({ payment_id: second.payment_id, credited: 1500, refunded: 1500, refundable: 0, order: expect.objectContaining({ id: second.order_id }) }),
        expect.objectContaining({ payment_id: first.payment_id, credited: 2000, refunded: 2000, refundable: 0 }),
      ])
      const listed = await admin.get(`/admin/cashless/wallets/${walletId}/refunds`)
      expect(listed.data.refunds.map((r: { amount: number; actor: string }) => r.amount)).toEqual([1000, 2500])
      expect((await ines.get("/store/cashless/me/refunds")).data.refunds).toHaveLength(2)
    })

    it("refunds a card topped up by QR token once its holder claimed it, and refuses money that was not paid online", async () => {
      const card = await registerCard(admin, db, "Refunds", "R")
      const visitor = guest(api, shop.publishable_key)
      const cart = await newCart(shop, visitor, "aunt@example.com")
      await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 3000, qr_token: card.qr_token })
      await checkout(visitor, cart)
      const qrBalance = async () =>
        ((await visitor.get(`/store/cashless/qr/${card.qr_token}`)).data.card.balances as Array<{ asset_code: string; balance: number }>).find(
          (b) => b.asset_code === "EUR"
        )?.balance ?? 0
      expect(await eventually(qrBalance, (b) => b > 0)).toBe(3000)

      const noe = await storeCustomer(api, shop.publishable_key, "Noe")
      expect((await noe.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number })).status).toBe(200)
      const walletId = (await walletOf(noe)).id as string
      expect((await admin.credit(walletId, 1000, { source: "cash_drawer" })).status).toBe(200)

      const refused = await noe.post("/store/cashless/me/refunds", { amount: 3500, idempotency_key: key("refund") })
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({
        code: "refund_not_online",
        message:
          "Only 30.00 EUR of this wallet was paid online and can go back to those payments; the other 5.00 EUR (paid in cash or received) is refunded in cash at a till.",
      })
      expect(await balance(noe)).toBe(4000)

      const ok = await noe.post("/store/cashless/me/refunds", { amount: 3000, idempotency_key: key("refund") })
      expect(ok.status).toBe(200)
      expect(ok.data.refund.parts).toHaveLength(1)
      expect(await balance(noe)).toBe(1000)
    })

    it("runs simultaneous refunds of one wallet one after the other: never more than the wallet holds", async () => {
      const lea = await storeCustomer(api, shop.publishable_key, "Lea")
      await topUp(lea, 1500)
      const sameKey = key("refund")
      const answers = await Promise.all([
        lea.post("/store/cashless/me/refunds", { amount: 1000, idempotency_key: key("refund") }),
        lea.post("/store/cashless/me/refunds", { amount: 1000, idempotency_key: key("refund") }),
        lea.post("/store/cashless/me/refunds", { amount: 400, idempotency_key: sameKey }),
        lea.post("/store/cashless/me/refunds", { amount: 400, idempotency_key: sameKey }),
      ])
      const statuses = answers.map((a) => a.status)
      expect(statuses.slice(2)).toEqual([200, 200])
      expect(statuses.slice(0, 2).sort()).toEqual([200, 400])
      expect(answers[2].data.refund.id).toBe(answers[3].data.refund.id)
      expect(await balance(lea)).toBe(100)
      const { rows } = await db.raw(
        `select count(*)::int as n, coalesce(sum(r.amount), 0)::numeric as total from refund r
           join payment p on p.id = r.payment_id join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id
           join "order" o on o.id = opc.order_id where o.customer_id = ? and r.deleted_at is null`,
        [lea.id]
      )
      expect(rows[0]).toMatchObject({ n: 2 })
      expect(Number(rows[0].total)).toBe(14)
    })

    it("refuses bad requests with a readable message and writes nothing", async () => {
      const max = await storeCustomer(api, shop.publishable_key, "Max")
      const none = await max.post("/store/cashless/me/refunds", { amount: 100, idempotency_key: key("refund") })
      expect(none.status).toBe(400)
      expect(none.data.message).toMatch(/no wallet yet/)
      await topUp(max, 1000)
      for (const body of [{ amount: 0, idempotency_key: "k" }, { amount: 10.5, idempotency_key: "k" }, { amount: 100 }, { amount: 100, idempotency_key: "k", currency_code: "euro" }, { amount: 100, idempotency_key: "k", wallet_id: "cwal_x" }]) {
        const res = await max.post("/store/cashless/me/refunds", body)
        expect(res.status).toBe(400)
        expect(typeof res.data.message).toBe("string")
      }
      const anonymous = await guest(api, shop.publishable_key).post("/store/cashless/me/refunds", { amount: 100, idempotency_key: "k" })
      expect(anonymous.status).toBe(401)
      expect(await balance(max)).toBe(1000)
      expect((await db.raw(`select count(*)::int as n from cashless_refund where idempotency_key = 'k'`)).rows[0].n).toBe(0)
    })
  },
})
