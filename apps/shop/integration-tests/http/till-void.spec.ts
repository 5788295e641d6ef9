import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminUser, type AdminUser } from "../helpers/admin-session"
import { registerCard, type RegisteredCard } from "../helpers/cards"
import type { Db } from "../helpers/db"
import { key, ledgerClient, type LedgerClient, expectLedgerVerified } from "../helpers/ledger-api"
import { type Shop, shopFixture } from "../helpers/shop-fixture"

// Voiding a card at the till (#7): the card handed back gets its refundable money in cash, its
// gift credit and memberships end, and it is blank again with a new wallet on its next use. A
// bound card is detached, its holder keeping everything. Retries and simultaneous voids pay once.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let pass: string
    let posId: string

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "void")
      expect(
        (await admin.post("/admin/tax-regions", { country_code: "fr", provider_id: "tp_system", default_tax_rate: { name: "TVA", code: "FR20", rate: 20 } })).status
      ).toBe(200)
      pass = (await shop.product("Festival pass", 10)).variant_id
      const plan = await admin.post("/admin/cashless/membership-plans", { name: "Festival pass", duration_unit: "days", duration_count: 30, variant_ids: [pass] })
      expect(plan.status).toBe(201)
      const pos = await admin.post("/admin/cashless/points-of-sale", {
        name: "Gate",
        sales_channel_id: shop.sales_channel_id,
        country_code: "fr",
        tenders: ["wallet", "cash"],
      })
      expect(pos.status).toBe(201)
      posId = pos.data.point_of_sale.id
      expect((await admin.post(`/admin/cashless/tills/${posId}/sessions`, { opening_float: 10000 })).status).toBe(201)
    })
    afterEach(async () => {
      await expectLedgerVerified(admin)
    })

    const voidIt = (body: Record<string, unknown>, headers?: AdminUser["headers"]) =>
      headers
        ? api.post(`/admin/cashless/tills/${posId}/voids`, body, { headers, validateStatus: () => true })
        : admin.post(`/admin/cashless/tills/${posId}/voids`, body)

    /** A card tapped once, holding `cents` paid in cash, `gift` of gift credit and a festival pass bought at the gate. */
    const usedCard = async (cents: number, gift: number, withPass = true): Promise<RegisteredCard & { wallet_id: string }> => {
      const card = await registerCard(admin, db, "Void", "V")
      const walletId = (await admin.post("/admin/cashless/card-taps", { uid: card.uid })).data.card.wallet_id as string
      if (cents) expect((await admin.credit(walletId, cents, { source: "cash_drawer" })).status).toBe(200)
      if (gift) expect((await admin.gift(walletId, gift, { asset_code: "EUR_GIFT" })).status).toBe(200)
      if (withPass) {
        const sold = await admin.post(`/admin/cashless/tills/${posId}/sales`, {
          idempotency_key: key("sale"),
          card_uid: card.uid,
          lines: [{ variant_id: pass, quantity: 1 }],
          tenders: [{ kind: "cash", amount: 1200 }],
        })
        if (sold.status !== 201) throw new Error(`selling the pass: ${sold.status} ${JSON.stringify(sold.data)}`)
      }
      return { ...card, wallet_id: walletId }
    }
    const balances = async (walletId: string) => Object.fromEntries(
      ((await admin.get(`/admin/cashless/wallets/${walletId}`)).data.wallet.balances as Array<{ asset_code: string; balance: number }>).map((b) => [b.asset_code, b.balance])
    )
    const closeOuts = async (walletId: string) =>
      (await db.raw(
        `select distinct e.id from cashless_journal_entry e join cashless_posting p on p.entry_id = e.id join cashless_account a on a.id = p.account_id
          where e.kind = 'close_out' and a.wallet_id = ?`,
        [walletId]
      )).rows.length
    const voidMovements = async (cardId: string) =>
      (await db.raw(`select amount from cashless_till_movement where kind = 'void' and card_id = ?`, [cardId])).rows.map((r: Row) => Number(r.amount))

    it("pays a handed-back card's money out in cash, forfeits its gift credit, ends its pass, and leaves it blank for its next holder", async () => {
      const card = await usedCard(1250, 300)
      const voided = await voidIt({ idempotency_key: key("void"), card_uid: card.uid })
      expect(voided.status).toBe(201)
      expect(voided.data.movement).toMatchObject({
        kind: "void",
        tender: "cash",
        amount: 1250,
        wallet_id: card.wallet_id,
        replayed: false,
        details: { forfeited: [{ asset_code: "EUR_GIFT", amount: 300 }], memberships_ended: [expect.stringMatching(/^mship_/)], holder: null },
      })
      expect(voided.data.card).toMatchObject({ id: card.id, status: "new", wallet_id: null, holder: null, balances: [] })
      // The old wallet is empty, its money gone to the drawer and the gift back where it was issued from.
      expect(await balances(card.wallet_id)).toEqual({ EUR: 0, EUR_GIFT: 0 })
      const { rows: postings } = await db.raw(
        `select a.system_code, p.amount from cashless_posting p join cashless_account a on a.id = p.account_id
          where p.entry_id = ? and a.system_code is not null order by a.system_code`,
        [voided.data.movement.entry_id]
      )
      expect(postings.map((p: Row) => [p.system_code, Number(p.amount)])).toEqual([["cash_drawer", 1250], ["gift_issuance", 300]])
      const { rows: passes } = await db.raw(`select status, cancel_reason from cashless_membership where wallet_id = ?`, [card.wallet_id])
      expect(passes).toEqual([{ status: "cancelled", cancel_reason: expect.stringMatching(/voided: card handed back at the till$/) }])

      // The next person to get this card starts from nothing: a new wallet, no pass.
      const next = await admin.post("/admin/cashless/card-taps", { uid: card.uid })
      expect(next.data.card).toMatchObject({ status: "active", balances: expect.any(Array) })
      expect(next.data.card.wallet_id).toBe(`${card.wallet_id}_g1`)
      expect(Object.values(await balances(next.data.card.wallet_id)).every((b) => b === 0)).toBe(true)
      const lookup = await admin.get(`/admin/cashless/membership-check?uid=${card.uid}`)
      expect(lookup.data.membership).toMatchObject({ status: "none" })
    })

    it("replays a retried void and refuses a card already blank, paying out once", async () => {
      const card = await usedCard(800, 0, false)
      const body = { idempotency_key: key("void"), card_uid: card.uid }
      const first = await voidIt(body)
      if (first.status !== 201) throw new Error(`void: ${first.status} ${JSON.stringify(first.data)}`)
      const again = await voidIt(body)
      expect(again.status).toBe(200)
      expect(again.data.movement).toMatchObject({ id: first.data.movement.id, amount: 800, replayed: true })
      const blank = await voidIt({ idempotency_key: key("void"), card_uid: card.uid })
      expect(blank.status).toBe(409)
      expect(blank.data).toMatchObject({ code: "card_blank", message: expect.stringMatching(/is blank already: there is nothing on it to void\.$/) })
      const reused = await voidIt({ ...body, reason: "another reason" })
      expect(reused.status).toBe(409)
      expect(reused.data.code).toBe("idempotency_conflict")
      expect(await voidMovements(card.id)).toEqual([800])
      expect(await closeOuts(card.wallet_id)).toBe(1)
    })

    it("completes a void cut off after the card was reset, without paying twice", async () => {
      const card = await usedCard(600, 200, false)
      const k = key("void")
      // What an interrupted void had done: the money out, the card reset; no till record yet.
      const container: MedusaContainer = getContainer()
      const sessionId = (await admin.get(`/admin/cashless/tills/${posId}/session`)).data.session.id
      await container.resolve<{ closeOut(input: Record<string, unknown>): Promise<unknown> }>("cashless_wallet").closeOut({
        wallet_id: card.wallet_id,
        currency_code: "eur",
        destination: "cash_drawer",
        reason: "card handed back at the till",
        idempotency_key: `till-void:${k}`,
        external_ref: `till:${posId} session:${sessionId}`,
        actor: "user:interrupted",
      })
      await container.resolve<{ resetCard(input: Record<string, unknown>): Promise<unknown> }>("cashless_card").resetCard({ card_id: card.id, wallet_id: card.wallet_id, actor: "user:interrupted", reason: "card handed back at the till", void_key: k })

      const retried = await voidIt({ idempotency_key: k, card_uid: card.uid })
      expect(retried.status).toBe(201)
      expect(retried.data.movement).toMatchObject({ amount: 600, details: { forfeited: [{ asset_code: "EUR_GIFT", amount: 200 }] } })
      expect(await closeOuts(card.wallet_id)).toBe(1)
      expect(await voidMovements(card.id)).toEqual([600])
    })

    it("pays out once when two managers void the same card at once", async () => {
      const card = await usedCard(1500, 0, false)
      const answers = await Promise.all(Array.from({ length: 5 }, () => voidIt({ idempotency_key: key("void"), card_uid: card.uid })))
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409])
      const same = { idempotency_key: key("void"), card_uid: (await usedCard(700, 0, false)).uid }
      const twice = await Promise.all([voidIt(same), voidIt(same), voidIt(same)])
      expect(twice.map((a) => a.status).sort()).toEqual([200, 200, 201])
      expect(new Set(twice.map((a) => a.data.movement.id)).size).toBe(1)
      expect(await voidMovements(card.id)).toEqual([1500])
    })

    it("detaches a bound card from its holder, who keeps their money and pass", async () => {
      const card = await usedCard(900, 100)
      const customer = (await admin.post("/admin/customers", { email: `holder-${key()}@test.local`, first_name: "Holder" })).data.customer
      const bound = await admin.post(`/admin/cashless/cards/${card.id}/bind`, { customer_id: customer.id })
      expect(bound.status).toBe(200)
      const holderWallet = bound.data.card.wallet_id as string
      const voided = await voidIt({ idempotency_key: key("void"), card_uid: card.uid, reason: "holder switched to the app" })
      expect(voided.status).toBe(201)
      expect(voided.data.movement).toMatchObject({
        amount: 0,
        entry_id: null,
        wallet_id: holderWallet,
        details: { forfeited: [], memberships_ended: [], holder: { customer_id: customer.id, wallet_id: holderWallet } },
      })
      expect(voided.data.card).toMatchObject({ status: "new", wallet_id: null, holder: null })
      expect(await balances(holderWallet)).toEqual({ EUR: 900, EUR_GIFT: 100 })
      expect((await admin.get(`/admin/cashless/customers/${customer.id}/cards`)).data.cards).toEqual([])
      const check = await admin.get(`/admin/cashless/membership-check?customer_id=${customer.id}`)
      expect(check.data.membership).toMatchObject({ status: "valid" })
      const { rows } = await db.raw(`select action, reason, data from cashless_card_event where card_id = ? order by created_at desc limit 1`, [card.id])
      expect(rows[0]).toMatchObject({ action: "reset_to_blank", reason: "holder switched to the app", data: { customer_id: customer.id, wallet_id: holderWallet } })
    })

    it("counts voids in the Ticket Z: cash paid out against the drawer, credit forfeited", async () => {
      const a = await usedCard(1250, 300, false)
      const b = await usedCard(0, 500, false)
      expect((await voidIt({ idempotency_key: key("void"), card_uid: a.uid })).status).toBe(201)
      const giftOnly = await voidIt({ idempotency_key: key("void"), card_uid: b.uid })
      expect(giftOnly.status).toBe(201)
      expect(giftOnly.data.movement).toMatchObject({ amount: 0, entry_id: expect.stringMatching(/^cje_/) })
      const sessionId = (await admin.get(`/admin/cashless/tills/${posId}/session`)).data.session.id
      const closed = await admin.post(`/admin/cashless/tills/${posId}/sessions/${sessionId}/close`, { counted_cash: 10000 - 1250 })
      expect(closed.status).toBe(200)
      const z = closed.data.session.ticket_z
      expect(z.voids).toEqual({ count: 2, paid_out: 1250, forfeited: [{ asset_code: "EUR_GIFT", amount: 800 }] })
      expect(z.cash).toMatchObject({ opening_float: 10000, voids: 1250, expected: 8750, difference: 0 })
      // The ledger agrees: what left for the drawer in this session is what the Ticket Z paid out.
      const { rows } = await db.raw(
        `select coalesce(sum(p.amount), 0) as total from cashless_posting p join cashless_account a on a.id = p.account_id
           join cashless_journal_entry e on e.id = p.entry_id
          where a.system_code = 'cash_drawer' and e.kind = 'close_out' and e.external_ref = ?`,
        [`till:${posId} session:${sessionId}`]
      )
      expect(Number(rows[0].total)).toBe(1250)
      // The printable view says the same, in French here.
      const page = await admin.get(`/admin/cashless/tills/${posId}/sessions/${sessionId}/ticket-z?format=html&lang=fr`)
      expect(page.status).toBe(200)
      const html = String(page.data)
      for (const text of ["<title>Ticket Z — Gate</title>", "Cartes rendues", "Rendu en espèces", "12.50 EUR", "Perdu EUR_GIFT", "87.50 EUR", "window.print()"]) {
        expect(html).toContain(text)
      }
      const badFormat = await admin.get(`/admin/cashless/tills/${posId}/sessions/${sessionId}/ticket-z?format=pdf`)
      expect(badFormat.status).toBe(400)
      expect(badFormat.data.message).toBe("Invalid query: format: format is json, csv or html (a page to print)")
      const later = await voidIt({ idempotency_key: key("void"), card_uid: (await usedCard(100, 0, false)).uid })
      expect(later.status).toBe(409)
      expect(later.data.code).toBe("no_open_session")
    })

    it("keeps a till sale's wallet payment from being reversed on the wallet page: the sale and its Ticket Z count it", async () => {
      const card = await usedCard(2000, 0, true)
      const { rows } = await db.raw(
        `select distinct e.id from cashless_journal_entry e join cashless_posting p on p.entry_id = e.id join cashless_account a on a.id = p.account_id
          where e.kind = 'spend' and a.wallet_id = ?`,
        [card.wallet_id]
      )
      expect(rows).toHaveLength(0) // the pass was paid in cash
      const sold = await admin.post(`/admin/cashless/tills/${posId}/sales`, {
        idempotency_key: key("sale"),
        card_uid: card.uid,
        lines: [{ variant_id: pass, quantity: 1 }],
      })
      expect(sold.status).toBe(201)
      const entryId = sold.data.sale.tenders[0].entry_id as string
      const reversed = await admin.post(`/admin/cashless/entries/${entryId}/reverse`, { reason: "mistake", idempotency_key: key("reverse") })
      expect(reversed.status).toBe(409)
      expect(reversed.data).toMatchObject({ code: "till_sale", message: expect.stringMatching(/^This entry paid till sale csale_\w+: .* wallet adjustment and its reason\.$/) })
      expect(await balances(card.wallet_id)).toMatchObject({ EUR: 800 })
    })

    it("refuses cashiers, unknown, lost and malformed cards, writing nothing", async () => {
      const me = (await admin.get("/admin/users/me")).data.user.id as string
      expect((await admin.post(`/admin/cashless/staff/${me}`, { role: "admin" })).status).toBe(200)
      const cashier = await adminUser(getContainer(), api)
      expect((await admin.post(`/admin/cashless/staff/${cashier.id}`, { role: "cashier", point_of_sale_ids: [posId] })).status).toBe(200)
      const card = await usedCard(500, 0, false)

      const byCashier = await voidIt({ idempotency_key: key("void"), card_uid: card.uid }, cashier.headers)
      expect(byCashier.status).toBe(403)
      expect(byCashier.data.message).toMatch(/manager/)
      const unknown = await voidIt({ idempotency_key: key("void"), card_uid: "04AABBCCDDEEFF" })
      expect(unknown.status).toBe(404)
      expect(unknown.data.code).toBe("card_not_registered")
      const malformed = await voidIt({ idempotency_key: key("void"), card_uid: "not a uid" })
      expect(malformed.status).toBe(400)
      const extra = await voidIt({ idempotency_key: key("void"), card_uid: card.uid, amount: 5 })
      expect(extra.status).toBe(400)
      expect((await admin.post(`/admin/cashless/cards/${card.id}/lost`, {})).status).toBe(200)
      const lost = await voidIt({ idempotency_key: key("void"), card_uid: card.uid })
      expect(lost.status).toBe(409)
      expect(lost.data.message).toMatch(/declared lost/)

      expect((await db.raw(`select count(*)::int as n from cashless_till_movement where kind = 'void'`)).rows[0].n).toBe(0)
      expect((await db.raw(`select count(*)::int as n from cashless_journal_entry where kind = 'close_out'`)).rows[0].n).toBe(0)
      expect(await balances(card.wallet_id)).toMatchObject({ EUR: 500 })
    })
  },
})
