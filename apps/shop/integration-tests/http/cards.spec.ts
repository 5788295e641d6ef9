import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { key, ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { newNumber, newUid } from "../helpers/cards"
import { publishableKey, storeCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

jest.setTimeout(240_000)
delete process.env.REDIS_URL
delete process.env.CASHLESS_ALLOW_MULTIPLE_CARDS
delete process.env.CASHLESS_UNKNOWN_CARDS
process.env.CASHLESS_QR_URL = "https://cards.example.org/c/{token}"

type Card = { id: string; uid: string; printed_number: string; qr_token: string; status: string; wallet_id: string | null }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let ledger: LedgerClient
    let storeKey: string

    beforeEach(async () => {
      ledger = await ledgerClient(getContainer(), api)
      storeKey = await publishableKey(getContainer())
    })

    const count = async (sql: string, bindings: unknown[] = []) => Number((await db.raw(sql, bindings)).rows[0].n)

    /** Imports a CSV and waits for the import to finish, as the admin page does. */
    async function importCsv(csv: string, batchName = `Batch ${newNumber()}`) {
      const started = await ledger.post("/admin/cashless/card-imports", { batch_name: batchName, csv, idempotency_key: key("import") })
      expect(started.status).toBe(202)
      let current = started.data.import
      const seenProgress = new Set<number>()
      for (let i = 0; i < 600 && current.status === "running"; i++) {
        await new Promise((r) => setTimeout(r, 50))
        current = (await ledger.get(`/admin/cashless/card-imports/${current.id}`)).data.import
        seenProgress.add(current.processed_rows)
      }
      return { result: current, seenProgress }
    }

    /** Registers cards through a small import and answers them with their QR tokens. */
    async function registerCards(n: number): Promise<Card[]> {
      const lines = Array.from({ length: n }, () => `${newUid()},${newNumber()}`)
      const { result } = await importCsv(lines.join("\n"))
      expect(result).toMatchObject({ status: "succeeded", imported_count: n, skipped_count: 0 })
      const { rows } = await db.raw(`select * from cashless_card where batch_id = ? order by printed_number`, [result.batch_id])
      return rows as Card[]
    }

    const tap = (uid: string) => ledger.post("/admin/cashless/card-taps", { uid })

    /** A card with money on its anonymous wallet: 12.50 EUR and 3.00 of gift credit. */
    async function cardWithMoney(): Promise<Card & { wallet_id: string }> {
      const [card] = await registerCards(1)
      const tapped = await tap(card.uid)
      expect(tapped.status).toBe(200)
      const walletId = tapped.data.card.wallet_id as string
      expect((await ledger.credit(walletId, 1250, { source: "cash_drawer" })).status).toBe(200)
      expect((await ledger.gift(walletId, 300)).status).toBe(200)
      return { ...card, wallet_id: walletId }
    }

    describe("registry and import", () => {
      it("imports 5,000 cards in one go, skipping each bad line with its reason, and exports the batch for the printer", async () => {
        const [already] = await registerCards(1)
        const good = Array.from({ length: 5000 }, (_, i) => ({
          uid: newUid(),
          number: `B${Date.now().toString(36)}-${String(i).padStart(4, "0")}`,
        }))
        const lines = ["uid,printed_number,qr_token"]
        good.forEach((g, i) => {
          // Every form a reader or a spreadsheet writes a UID in.
          const uid =
            i % 3 === 0 ? g.uid.match(/../g)!.join(":").toLowerCase() : i % 3 === 1 ? g.uid.match(/../g)!.join(" ") : g.uid
          lines.push(i === 10 ? `${uid},${g.number},${"t".repeat(30)}` : `${uid},${g.number}`)
        })
        // The bad lines, at known line numbers (the header is line 1).
        const bad = [
          { line: "zz:11:22:33,X-1", reason: /Malformed UID/ },
          { line: "04A1B2,X-2", reason: /Malformed UID.*3 bytes/ },
          { line: `${good[5].uid},X-3`, reason: /Duplicate UID: already on line 7 of this file/ },
          { line: `${newUid()},${good[6].number}`, reason: /Duplicate printed number .*: already on line 8/ },
          { line: `${already.uid},X-4`, reason: /Duplicate UID: this card is already registered/ },
          { line: `${newUid()},${already.printed_number}`, reason: /another registered card carries it/ },
          { line: `${newUid()}`, reason: /Missing printed number/ },
          { line: `${newUid()},X-5,short`, reason: /Malformed QR token/ },
          { line: `${newUid()},X-6,${"q".repeat(30)},extra`, reason: /Too many columns/ },
        ]
        bad.forEach((b) => lines.push(b.line))
        const { result, seenProgress } = await importCsv(lines.join("\r\n"), "Festival 2027")

        expect(result.status).toBe("succeeded")
        expect(result.total_rows).toBe(5000 + bad.length)
        expect(result.imported_count).toBe(5000)
        expect(result.skipped_count).toBe(bad.length)
        expect(result.problems.map((p: { line: number }) => p.line)).toEqual(bad.map((_, i) => 5002 + i))
        result.problems.forEach((p: { reason: string }, i: number) => expect(p.reason).toMatch(bad[i].reason))
        expect([...seenProgress].every((n) => n >= 0 && n <= result.total_rows)).toBe(true)
        expect(await count(`select count(*) as n from cashless_card where batch_id = ?`, [result.batch_id])).toBe(5000)
        expect(await count(`select count(*) as n from cashless_card where uid = ?`, [good[0].uid])).toBe(1)
        const { rows: batch } = await db.raw(`select name, card_count from cashless_card_batch where id = ?`, [result.batch_id])
        expect(batch[0]).toEqual({ name: "Festival 2027", card_count: 5000 })
        // Tokens: the file's one kept, every other generated, unique and unrelated to the UID.
        const { rows: tokens } = await db.raw(
          `select count(distinct qr_token) as n, min(length(qr_token)) as shortest,
                  count(*) filter (where qr_token = ?) as kept
             from cashless_card where batch_id = ?`,
          ["t".repeat(30), result.batch_id]
        )
        expect(tokens[0]).toEqual({ n: "5000", shortest: 27, kept: "1" })

        const exported = await ledger.get(`/admin/cashless/card-batches/${result.batch_id}/export`)
        expect(exported.status).toBe(200)
        const csvLines = String(exported.data).trim().split("\r\n")
        expect(csvLines[0]).toBe("uid,printed_number,qr_token,qr_url,status")
        expect(csvLines).toHaveLength(5001)
        const first = csvLines.find((l) => l.startsWith(`${good[0].uid},`))!.split(",")
        expect(first[1]).toBe(good[0].number)
        expect(first[3]).toBe(`https://cards.example.org/c/${first[2]}`)
      })

      it("answers the same import for a repeated key, and refuses the key with another file", async () => {
        const csv = `${newUid()},${newNumber()}\n${newUid()},${newNumber()}`
        const body = { batch_name: "Twice", csv, idempotency_key: key("import") }
        const first = await ledger.post("/admin/cashless/card-imports", body)
        const again = await ledger.post("/admin/cashless/card-imports", body)
        expect(again.status).toBe(202)
        expect(again.data.import.id).toBe(first.data.import.id)
        expect(again.data.replayed).toBe(true)
        const other = await ledger.post("/admin/cashless/card-imports", { ...body, csv: `${newUid()},${newNumber()}` })
        expect(other.status).toBe(409)
        expect(other.data.message).toMatch(/already used for a different import/)
        for (let i = 0; i < 100; i++) {
          const state = await ledger.get(`/admin/cashless/card-imports/${first.data.import.id}`)
          if (state.data.import.status !== "running") break
          await new Promise((r) => setTimeout(r, 50))
        }
        expect(await count(`select count(*) as n from cashless_card_batch where name = 'Twice'`)).toBe(1)
      })

      it("rolls the whole import back on a fatal error, and says so", async () => {
        const poison = newUid()
        // A database failure in the middle of the import: after the first chunks were written.
        await db.raw(`create or replace function cashless_test_poison() returns trigger language plpgsql as $$
          begin if new.uid = '${poison}' then raise exception 'disk full (simulated)'; end if; return new; end $$`)
        await db.raw(`create trigger cashless_test_poison before insert on cashless_card for each row execute function cashless_test_poison()`)
        try {
          const lines = Array.from({ length: 1200 }, () => `${newUid()},${newNumber()}`)
          lines.push(`${poison},${newNumber()}`)
          const cardsBefore = await count(`select count(*) as n from cashless_card`)
          const { result } = await importCsv(lines.join("\n"), "Doomed")
          expect(result.status).toBe("failed")
          expect(result.error).toMatch(/rolled back, no card was registered: .*disk full \(simulated\)/)
          expect(result.imported_count).toBe(0)
          expect(await count(`select count(*) as n from cashless_card`)).toBe(cardsBefore)
          expect(await count(`select count(*) as n from cashless_card_batch where name = 'Doomed'`)).toBe(0)
        } finally {
          await db.raw(`drop trigger if exists cashless_test_poison on cashless_card`)
        }
      })

      it("refuses a file that is not a card list, with a message saying what is expected", async () => {
        const res = await ledger.post("/admin/cashless/card-imports", { batch_name: "Empty", csv: "", idempotency_key: key() })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/uid,printed_number\[,qr_token\]/)
      })
    })

    describe("use at a till", () => {
      it("refuses a malformed UID with what a UID looks like, and an unknown card as not registered", async () => {
        const bad = await tap("04:A1:B")
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/a UID is 4, 7 or 10 bytes in hexadecimal/)
        const unknown = await tap("04:aa:bb:cc:dd:ee:ff")
        expect(unknown.status).toBe(404)
        expect(unknown.data).toMatchObject({ code: "card_not_registered" })
        expect(unknown.data.message).toMatch(/Card 04AABBCCDDEEFF is not registered/)
        const lookup = await ledger.get(`/admin/cashless/card-lookup?uid=04-AA-BB-CC-DD-EE-FF`)
        expect(lookup.status).toBe(404)
        expect(await count(`select count(*) as n from cashless_card where uid = '04AABBCCDDEEFF'`)).toBe(0)
      })

      it("gives a card one anonymous wallet when its first taps come at once", async () => {
        const [card] = await registerCards(1)
        const lookup = await ledger.get(`/admin/cashless/card-lookup?uid=${card.uid.toLowerCase()}`)
        expect(lookup.data.card).toMatchObject({ status: "new", wallet_id: null, holder: null, balances: [] })

        const taps = await Promise.all(Array.from({ length: 8 }, () => tap(card.uid.match(/../g)!.join(":"))))
        expect(taps.map((t) => t.status)).toEqual(Array(8).fill(200))
        const walletIds = new Set(taps.map((t) => t.data.card.wallet_id))
        expect(walletIds.size).toBe(1)
        const walletId = [...walletIds][0]
        expect(await count(`select count(*) as n from cashless_wallet where id = ?`, [walletId])).toBe(1)
        expect(await count(`select count(*) as n from cashless_account where wallet_id = ?`, [walletId])).toBe(2)
        expect(await count(`select count(*) as n from cashless_card_event where card_id = ? and action = 'activated'`, [card.id])).toBe(1)
        expect(taps[0].data.card).toMatchObject({ status: "active", holder: null })
        expect(taps[0].data.card.balances.map((b: { asset_code: string; balance: number }) => [b.asset_code, b.balance])).toEqual([
          ["EUR_GIFT", 0],
          ["EUR", 0],
        ])
      })

      it("refuses a blocked card until unblocked, and logs who did it and why", async () => {
        const card = await cardWithMoney()
        const noReason = await ledger.post(`/admin/cashless/cards/${card.id}/block`, {})
        expect(noReason.status).toBe(400)
        const blocked = await ledger.post(`/admin/cashless/cards/${card.id}/block`, { reason: "Seen passed around at the gate" })
        expect(blocked.status).toBe(200)
        expect(blocked.data.card.status).toBe("blocked")
        const refused = await tap(card.uid)
        expect(refused.status).toBe(409)
        expect(refused.data.message).toMatch(/is blocked by staff/)
        const unblocked = await ledger.post(`/admin/cashless/cards/${card.id}/unblock`, { reason: "Owner came with ID" })
        expect(unblocked.data.card.status).toBe("active")
        expect((await tap(card.uid)).status).toBe(200)

        const page = await ledger.get(`/admin/cashless/cards/${card.id}`)
        expect(page.data.events.map((e: { action: string }) => e.action)).toEqual(["unblocked", "blocked", "activated", "registered"])
        expect(page.data.events[1]).toMatchObject({ reason: "Seen passed around at the gate", from_status: "active", to_status: "blocked" })
        expect(page.data.events[1].actor).toMatch(/^user:/)
        expect(page.data.card.balances.find((b: { asset_code: string }) => b.asset_code === "EUR").balance).toBe(1250)
      })
    })

    describe("binding", () => {
      it("refuses a claim with a wrong printed number and changes nothing", async () => {
        const card = await cardWithMoney()
        const alice = await storeCustomer(api, storeKey, "Alice")
        const entries = await count(`select count(*) as n from cashless_journal_entry`)
        const wrong = await alice.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: "0000" })
        expect(wrong.status).toBe(400)
        expect(wrong.data).toMatchObject({ code: "claim_mismatch" })
        expect(wrong.data.message).toMatch(/do not belong to the same card/)
        const unknownToken = await alice.post("/store/cashless/me/cards/claim", { qr_token: "x".repeat(27), printed_number: card.printed_number })
        expect(unknownToken.data.message).toBe(wrong.data.message)
        const { rows } = await db.raw(`select status, customer_id, wallet_id from cashless_card where id = ?`, [card.id])
        expect(rows[0]).toEqual({ status: "active", customer_id: null, wallet_id: card.wallet_id })
        expect(await count(`select count(*) as n from cashless_journal_entry`)).toBe(entries)
        expect((await alice.get("/store/cashless/me/cards")).data.cards).toEqual([])
      })

      it("moves the exact balance of every asset into the customer's wallet, once, and the ledger still verifies", async () => {
        const card = await cardWithMoney()
        const alice = await storeCustomer(api, storeKey, "Alice")
        const claim = { qr_token: card.qr_token, printed_number: card.printed_number }
        const [first, second] = await Promise.all([
          alice.post("/store/cashless/me/cards/claim", claim),
          alice.post("/store/cashless/me/cards/claim", claim),
        ])
        expect([first.status, second.status]).toEqual([200, 200])
        expect([first.data.changed, second.data.changed].sort()).toEqual([false, true])
        const moved = (first.data.changed ? first : second).data.moved
        expect(moved.sort((a: { asset_code: string }, b: { asset_code: string }) => a.asset_code.localeCompare(b.asset_code))).toEqual([
          { asset_code: "EUR", amount: 1250 },
          { asset_code: "EUR_GIFT", amount: 300 },
        ])

        const wallet = await ledger.get(`/admin/cashless/customers/${alice.id}/wallet`)
        const customerWallet = wallet.data.wallet.id as string
        expect(await ledger.balances(customerWallet)).toEqual({ EUR: 1250, EUR_GIFT: 300 })
        expect(await ledger.balances(card.wallet_id)).toEqual({ EUR: 0, EUR_GIFT: 0 })
        expect(await count(`select count(*) as n from cashless_journal_entry where kind = 'fusion' and external_ref = ?`, [card.id])).toBe(1)

        const mine = await alice.get("/store/cashless/me/cards")
        expect(mine.data.cards).toHaveLength(1)
        expect(mine.data.cards[0]).toMatchObject({ id: card.id, printed_number: card.printed_number, status: "active" })
        expect(Object.keys(mine.data.cards[0]).sort()).toEqual(["balances", "bound_at", "id", "printed_number", "status"])
        // The card now pays from the customer's wallet.
        const tapped = await tap(card.uid)
        expect(tapped.data.card).toMatchObject({ wallet_id: customerWallet, holder: { id: alice.id, email: alice.email } })

        const verify = await ledger.post("/admin/cashless/ledger/verify", {})
        expect(verify.data).toMatchObject({ ok: true, issues: [] })
      })

      it("refuses a second card to a customer who already holds one (one card per person by default)", async () => {
        const a = await cardWithMoney()
        const [b] = await registerCards(1)
        const alice = await storeCustomer(api, storeKey, "Alice")
        expect((await alice.post("/store/cashless/me/cards/claim", { qr_token: a.qr_token, printed_number: a.printed_number })).status).toBe(200)
        const second = await alice.post("/store/cashless/me/cards/claim", { qr_token: b.qr_token, printed_number: b.printed_number })
        expect(second.status).toBe(409)
        expect(second.data).toMatchObject({ code: "card_limit" })
        expect(second.data.message).toMatch(new RegExp(`You already hold card N° ${a.printed_number}`))
        const { rows } = await db.raw(`select customer_id from cashless_card where id = ?`, [b.id])
        expect(rows[0].customer_id).toBeNull()
      })

      it("lets staff bind a card from the admin, and lists it on the customer", async () => {
        const card = await cardWithMoney()
        const bob = await storeCustomer(api, storeKey, "Bob")
        const bound = await ledger.post(`/admin/cashless/cards/${card.id}/bind`, { customer_id: bob.id })
        expect(bound.status).toBe(200)
        expect(bound.data.card.holder).toMatchObject({ id: bob.id, name: "Bob" })
        expect(bound.data.card.balances.map((b: { balance: number }) => b.balance).sort((x: number, y: number) => x - y)).toEqual([300, 1250])
        const listed = await ledger.get(`/admin/cashless/customers/${bob.id}/cards`)
        expect(listed.data.cards.map((c: { id: string }) => c.id)).toEqual([card.id])
        const search = await ledger.get(`/admin/cashless/cards?q=${encodeURIComponent(bob.email)}`)
        expect(search.data.cards.map((c: { id: string }) => c.id)).toEqual([card.id])
        const unknownCustomer = await ledger.post(`/admin/cashless/cards/${card.id}/bind`, { customer_id: "cus_nope" })
        expect(unknownCustomer.status).toBe(404)
      })
    })

    describe("lost and replaced cards", () => {
      it("refuses a card declared lost everywhere at once; the money stays, and a new card gives access again", async () => {
        const card = await cardWithMoney()
        const alice = await storeCustomer(api, storeKey, "Alice")
        await alice.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number })
        const lost = await alice.post(`/store/cashless/me/cards/${card.id}/lost`, {})
        expect(lost.status).toBe(200)
        expect(lost.data.card.status).toBe("lost")
        const again = await alice.post(`/store/cashless/me/cards/${card.id}/lost`, {})
        expect(again.status).toBe(200)

        const refused = await tap(card.uid)
        expect(refused.status).toBe(409)
        expect(refused.data).toMatchObject({ code: "card_unusable" })
        expect(refused.data.message).toMatch(/was declared lost/)
        expect((await ledger.get(`/admin/cashless/card-lookup?uid=${card.uid}`)).data.card.status).toBe("lost")
        const customerWallet = (await ledger.get(`/admin/cashless/customers/${alice.id}/wallet`)).data.wallet.id
        expect(await ledger.balances(customerWallet)).toEqual({ EUR: 1250, EUR_GIFT: 300 })

        const [replacement] = await registerCards(1)
        const claimed = await alice.post("/store/cashless/me/cards/claim", {
          qr_token: replacement.qr_token,
          printed_number: replacement.printed_number,
        })
        expect(claimed.status).toBe(200)
        const tapped = await tap(replacement.uid)
        expect(tapped.data.card.wallet_id).toBe(customerWallet)
        expect(tapped.data.card.balances.map((b: { balance: number }) => b.balance).sort((x: number, y: number) => x - y)).toEqual([300, 1250])
      })

      it("moves an anonymous card's money to a new card only with the old card's printed number and QR token", async () => {
        const old = await cardWithMoney()
        const [fresh] = await registerCards(1)
        const without = await ledger.post(`/admin/cashless/cards/${old.id}/replace`, { new_card_uid: fresh.uid })
        expect(without.status).toBe(400)
        expect(without.data.message).toMatch(/is anonymous: its printed number and QR token/)
        const wrong = await ledger.post(`/admin/cashless/cards/${old.id}/replace`, {
          new_card_uid: fresh.uid,
          printed_number: old.printed_number,
          qr_token: "y".repeat(27),
        })
        expect(wrong.status).toBe(400)
        const body = { new_card_uid: fresh.uid, printed_number: old.printed_number, qr_token: old.qr_token, reason: "card broken" }
        const replaced = await ledger.post(`/admin/cashless/cards/${old.id}/replace`, body)
        expect(replaced.status).toBe(200)
        expect(replaced.data.old_card.status).toBe("voided")
        expect(replaced.data.new_card).toMatchObject({ status: "active", wallet_id: old.wallet_id })
        const retried = await ledger.post(`/admin/cashless/cards/${old.id}/replace`, body)
        expect(retried.status).toBe(200)
        expect(retried.data.changed).toBe(false)
        expect((await tap(old.uid)).data.message).toMatch(/was replaced by another card/)
        expect((await tap(fresh.uid)).data.card.balances.map((b: { balance: number }) => b.balance).sort((x: number, y: number) => x - y)).toEqual([300, 1250])
      })
    })

    describe("what the QR token and other customers can do", () => {
      it("shows balance only by QR token; spending, binding and the holder stay out of reach", async () => {
        const card = await cardWithMoney()
        const alice = await storeCustomer(api, storeKey, "Alice")
        await alice.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number })

        const shown = await api.get(`/store/cashless/qr/${card.qr_token}`, { headers: { "x-publishable-api-key": storeKey } })
        expect(shown.status).toBe(200)
        expect(shown.data).toEqual({
          card: {
            status: "active",
            usable: true,
            bound: true,
            balances: [
              { asset_code: "EUR_GIFT", kind: "gift", currency_code: "eur", balance: 300 },
              { asset_code: "EUR", kind: "fiat", currency_code: "eur", balance: 1250 },
            ],
            // Membership status, never who holds it (memberships.spec.ts shows a valid one).
            membership: { status: "none", plan: null, ends_at: null },
          },
        })
        const unknown = await api.get(`/store/cashless/qr/${"z".repeat(27)}`, {
          headers: { "x-publishable-api-key": storeKey },
          validateStatus: () => true,
        })
        expect(unknown.status).toBe(404)

        // Knowing the token is not being logged in: no claim, no lost, no admin route.
        const anonymous = { headers: { "x-publishable-api-key": storeKey }, validateStatus: () => true }
        const claim = await api.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number }, anonymous)
        expect(claim.status).toBe(401)
        const spend = await api.post(`/admin/cashless/wallets/${card.wallet_id}/spend`, { amount: 100, currency_code: "eur", point_of_sale: "bar", idempotency_key: key() }, anonymous)
        expect(spend.status).toBe(401)
        // A token without the printed number binds nothing.
        const bob = await storeCustomer(api, storeKey, "Bob")
        const tokenOnly = await bob.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token })
        expect(tokenOnly.status).toBe(400)
        expect(tokenOnly.data.message).toMatch(/printed_number/)
      })

      it("keeps customer B's cards out of customer A's sight and reach", async () => {
        const bCard = await cardWithMoney()
        const alice = await storeCustomer(api, storeKey, "Alice")
        const bob = await storeCustomer(api, storeKey, "Bob")
        await bob.post("/store/cashless/me/cards/claim", { qr_token: bCard.qr_token, printed_number: bCard.printed_number })

        expect((await alice.get("/store/cashless/me/cards")).data.cards).toEqual([])
        const lostByAlice = await alice.post(`/store/cashless/me/cards/${bCard.id}/lost`, {})
        expect(lostByAlice.status).toBe(404)
        const claimedByAlice = await alice.post("/store/cashless/me/cards/claim", { qr_token: bCard.qr_token, printed_number: bCard.printed_number })
        expect(claimedByAlice.status).toBe(409)
        expect(claimedByAlice.data).toMatchObject({ code: "already_bound" })
        const { rows } = await db.raw(`select status, customer_id from cashless_card where id = ?`, [bCard.id])
        expect(rows[0]).toEqual({ status: "active", customer_id: bob.id })
        expect((await bob.get("/store/cashless/me/cards")).data.cards.map((c: { id: string }) => c.id)).toEqual([bCard.id])
      })
    })
  },
})
