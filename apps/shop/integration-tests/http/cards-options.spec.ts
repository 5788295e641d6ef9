import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { newUid, registerCard } from "../helpers/cards"
import { publishableKey, storeCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// An open event: unknown cards are registered on their first tap, and a customer may hold
// several cards. The suite with the default options is cards.spec.ts.
jest.setTimeout(180_000)
delete process.env.REDIS_URL
process.env.CASHLESS_UNKNOWN_CARDS = "register"
process.env.CASHLESS_ALLOW_MULTIPLE_CARDS = "true"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let ledger: LedgerClient
    let storeKey: string

    beforeEach(async () => {
      ledger = await ledgerClient(getContainer(), api)
      storeKey = await publishableKey(getContainer())
    })

    it("registers an unknown card on its first tap, once, even when tapped twice at once", async () => {
      const uid = newUid()
      const taps = await Promise.all([0, 1].map(() => ledger.post("/admin/cashless/card-taps", { uid })))
      expect(taps.map((t) => t.status)).toEqual([200, 200])
      expect(taps[0].data.card.id).toBe(taps[1].data.card.id)
      expect(taps[0].data.card).toMatchObject({ uid, printed_number: null, status: "active", holder: null })
      expect(taps[0].data.card.qr_token).toMatch(/^[A-Za-z0-9_-]{27}$/)
      const { rows } = await db.raw(`select count(*) as n from cashless_card where uid = ?`, [uid])
      expect(rows[0].n).toBe("1")
    })

    it("binds a second card when the customer's wallet is empty, and refuses it once there is money (anti-theft)", async () => {
      const alice = await storeCustomer(api, storeKey, "Alice")
      const [a, b, c] = [await registerCard(ledger, db, "Open event", "O"), await registerCard(ledger, db, "Open event", "O"), await registerCard(ledger, db, "Open event", "O")]
      const claim = (card: { qr_token: string; printed_number: string }) =>
        alice.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number })
      expect((await claim(a)).status).toBe(200)
      expect((await claim(b)).status).toBe(200)

      const wallet = (await ledger.get(`/admin/cashless/customers/${alice.id}/wallet`)).data.wallet.id as string
      expect((await ledger.credit(wallet, 500)).status).toBe(200)
      const refused = await claim(c)
      expect(refused.status).toBe(409)
      expect(refused.data).toMatchObject({ code: "anti_theft" })
      expect(refused.data.message).toMatch(/your wallet has money on it/)
      const { rows } = await db.raw(`select customer_id, status from cashless_card where id = ?`, [c.id])
      expect(rows[0]).toEqual({ customer_id: null, status: "new" })
      expect((await alice.get("/store/cashless/me/cards")).data.cards).toHaveLength(2)
    })
  },
})
