import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { key, ledgerClient, type LedgerClient } from "../helpers/ledger-api"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

type Knex = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, any>> }> // eslint-disable-line @typescript-eslint/no-explicit-any
  transaction: () => Promise<Knex & { rollback: () => Promise<void>; commit: () => Promise<void> }>
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Knex
    let ledger: LedgerClient

    beforeEach(async () => {
      ledger = await ledgerClient(getContainer(), api)
    })

    const count = async (table: string) => Number((await db.raw(`select count(*) as n from ${table}`)).rows[0].n)

    describe("operations", () => {
      it("credits, gives gift credit, spends gift first, and tells where the money went", async () => {
        const wallet = await ledger.createWallet({ label: "Alice" })
        expect(await ledger.balances(wallet)).toEqual({ EUR: 0, EUR_GIFT: 0 })

        const credit = await ledger.credit(wallet, 1000, { external_ref: "payment:pay_1" })
        expect(credit.status).toBe(200)
        expect(credit.data.balances[wallet]).toEqual({ EUR: 1000 })
        expect(credit.data.entry).toMatchObject({ kind: "credit", external_ref: "payment:pay_1" })
        expect(credit.data.entry.actor).toMatch(/^user:/)

        expect((await ledger.gift(wallet, 300)).data.balances[wallet]).toEqual({ EUR_GIFT: 300 })

        const spend = await ledger.spend(wallet, 500)
        expect(spend.status).toBe(200)
        expect(spend.data.balances[wallet]).toEqual({ EUR_GIFT: 0, EUR: 800 })
        const revenue = spend.data.postings.filter((p: { system_code: string }) => p.system_code === "revenue:bar")
        expect(revenue.map((p: { asset_code: string; amount: number }) => [p.asset_code, p.amount]).sort()).toEqual([
          ["EUR", 200],
          ["EUR_GIFT", 300],
        ])
        expect(await ledger.balances(wallet)).toEqual({ EUR: 800, EUR_GIFT: 0 })
      })

      it("creates a customer's wallet linked to the customer", async () => {
        const customers = getContainer().resolve(Modules.CUSTOMER)
        const [customer] = await customers.createCustomers([{ email: "holder@example.com", first_name: "Lou" }])
        const res = await ledger.post("/admin/cashless/wallets", { customer_id: customer.id, label: "Lou" })
        expect(res.status).toBe(201)
        expect(res.data.wallet.customer).toEqual({ id: customer.id, email: "holder@example.com", name: "Lou" })
        const byCustomer = await ledger.get(`/admin/cashless/customers/${customer.id}/wallet`)
        expect(byCustomer.data.wallet.id).toBe(res.data.wallet.id)
      })

      it("refuses a spend that does not fit, naming what is missing, and writes nothing", async () => {
        const wallet = await ledger.createWallet()
        await ledger.credit(wallet, 320)
        const entries = await count("cashless_journal_entry")
        const res = await ledger.spend(wallet, 500)
        expect(res.status).toBe(400)
        expect(res.data.code).toBe("insufficient_funds")
        expect(res.data.message).toBe(
          "Insufficient balance: 5.00 EUR requested, 3.20 EUR spendable, 1.80 EUR missing."
        )
        expect(await count("cashless_journal_entry")).toBe(entries)
        expect(await ledger.balances(wallet)).toEqual({ EUR: 320, EUR_GIFT: 0 })
      })

      it("transfers between wallets and adjusts with a reason", async () => {
        const a = await ledger.createWallet()
        const b = await ledger.createWallet()
        await ledger.credit(a, 1000)
        const transfer = await ledger.transfer(a, b, 400)
        expect(transfer.status).toBe(200)
        expect(transfer.data.balances).toEqual({ [a]: { EUR: 600 }, [b]: { EUR: 400 } })

        const adjust = await ledger.post(`/admin/cashless/wallets/${b}/adjust`, {
          amount: -150,
          asset_code: "EUR",
          reason: "double charge at the bar",
          idempotency_key: key("adjust"),
        })
        expect(adjust.status).toBe(200)
        expect(adjust.data.entry).toMatchObject({ kind: "adjustment", reason: "double charge at the bar" })
        expect(await ledger.balances(b)).toEqual({ EUR: 250, EUR_GIFT: 0 })
      })

      it("pages a wallet's history by cursor, newest first", async () => {
        const wallet = await ledger.createWallet()
        for (const amount of [100, 200, 300, 400, 500]) await ledger.credit(wallet, amount)
        const first = await ledger.get(`/admin/cashless/wallets/${wallet}/history?limit=2`)
        expect(first.status).toBe(200)
        expect(first.data.items.map((i: { amount: number }) => i.amount)).toEqual([500, 400])
        const second = await ledger.get(
          `/admin/cashless/wallets/${wallet}/history?limit=2&cursor=${first.data.next_cursor}`
        )
        expect(second.data.items.map((i: { amount: number }) => i.amount)).toEqual([300, 200])
        const third = await ledger.get(
          `/admin/cashless/wallets/${wallet}/history?limit=2&cursor=${second.data.next_cursor}`
        )
        expect(third.data.items.map((i: { amount: number }) => i.amount)).toEqual([100])
        expect(third.data.next_cursor).toBeNull()
        expect(third.data.items[0]).toMatchObject({ kind: "credit", sequence: 1, balance_after: 100 })
      })
    })

    describe("idempotency and reversal", () => {
      it("returns the first result for a replay, and refuses the key for another payload with 409", async () => {
        const wallet = await ledger.createWallet()
        const body = { amount: 700, source: "cash_drawer", idempotency_key: key("topup") }
        const first = await ledger.post(`/admin/cashless/wallets/${wallet}/credit`, body)
        const again = await ledger.post(`/admin/cashless/wallets/${wallet}/credit`, body)
        expect(again.status).toBe(200)
        expect(again.data.replayed).toBe(true)
        expect(again.data.entry).toEqual(first.data.entry)
        expect(again.data.balances).toEqual(first.data.balances)

        const entries = await count("cashless_journal_entry")
        const other = await ledger.post(`/admin/cashless/wallets/${wallet}/credit`, { ...body, amount: 701 })
        expect(other.status).toBe(409)
        expect(other.data.code).toBe("idempotency_conflict")
        expect(other.data.message).toContain(body.idempotency_key)
        expect(await count("cashless_journal_entry")).toBe(entries)
        expect(await ledger.balances(wallet)).toEqual({ EUR: 700, EUR_GIFT: 0 })
      })

      it("applies 20 parallel replays of one request once", async () => {
        const wallet = await ledger.createWallet()
        const body = { amount: 250, source: "online_payments", idempotency_key: key("parallel") }
        const results = await Promise.all(
          Array.from({ length: 20 }, () => ledger.post(`/admin/cashless/wallets/${wallet}/credit`, body))
        )
        expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
        expect(new Set(results.map((r) => r.data.entry.id)).size).toBe(1)
        expect(await ledger.balances(wallet)).toEqual({ EUR: 250, EUR_GIFT: 0 })
      })

      it("answers 20 parallel replays of a spend the wallet covers once with that spend, never insufficient funds", async () => {
        // The replays that looked for the key before the first committed wait for the wallet's lock,
        // then find the money gone: they are replays of that spend, not refusals (found by the
        // festival suite, where a till's retry reached the other server).
        for (let round = 0; round < 3; round++) {
          const wallet = await ledger.createWallet()
          await ledger.credit(wallet, 500)
          const body = { amount: 500, currency_code: "eur", point_of_sale: "bar", idempotency_key: key("twin") }
          const results = await Promise.all(
            Array.from({ length: 20 }, () => ledger.post(`/admin/cashless/wallets/${wallet}/spend`, body))
          )
          expect(results.map((r) => [r.status, r.data.code])).toEqual(Array(20).fill([200, undefined]))
          expect(new Set(results.map((r) => r.data.entry.id)).size).toBe(1)
          expect(results.filter((r) => !r.data.replayed)).toHaveLength(1)
          expect(await ledger.balances(wallet)).toEqual({ EUR: 0, EUR_GIFT: 0 })
        }
        // A different spend under no key of its own is still refused, naming what is missing.
        const wallet = await ledger.createWallet()
        await ledger.credit(wallet, 500)
        expect((await ledger.spend(wallet, 500)).status).toBe(200)
        const short = await ledger.spend(wallet, 100)
        expect([short.status, short.data.code]).toEqual([400, "insufficient_funds"])
      })

      it("reverses an entry once, restoring balances, and replays the reversal", async () => {
        const wallet = await ledger.createWallet()
        await ledger.credit(wallet, 1000)
        await ledger.gift(wallet, 200)
        const spend = await ledger.spend(wallet, 700)
        expect(await ledger.balances(wallet)).toEqual({ EUR: 500, EUR_GIFT: 0 })

        const body = { reason: "wrong card", idempotency_key: key("undo") }
        const reversal = await ledger.reverse(spend.data.entry.id, body)
        expect(reversal.status).toBe(200)
        expect(reversal.data.entry).toMatchObject({ kind: "reversal", reverses_id: spend.data.entry.id })
        expect(await ledger.balances(wallet)).toEqual({ EUR: 1000, EUR_GIFT: 200 })

        const replay = await ledger.reverse(spend.data.entry.id, body)
        expect(replay.status).toBe(200)
        expect(replay.data.replayed).toBe(true)
        expect(replay.data.entry.id).toBe(reversal.data.entry.id)

        const twice = await ledger.reverse(spend.data.entry.id)
        expect(twice.status).toBe(400)
        expect(twice.data.code).toBe("already_reversed")
        expect(await ledger.balances(wallet)).toEqual({ EUR: 1000, EUR_GIFT: 200 })
      })

      it("refuses to reverse a top-up whose money was already spent", async () => {
        const wallet = await ledger.createWallet()
        const credit = await ledger.credit(wallet, 500)
        await ledger.spend(wallet, 400)
        const res = await ledger.reverse(credit.data.entry.id)
        expect(res.status).toBe(400)
        expect(res.data.code).toBe("insufficient_funds")
        expect(await ledger.balances(wallet)).toEqual({ EUR: 100, EUR_GIFT: 0 })
      })
    })

    describe("concurrency (real parallel HTTP requests, real PostgreSQL)", () => {
      it("200 concurrent spends on one wallet: exact balance, never negative, clear refusals, no fork", async () => {
        const wallet = await ledger.createWallet()
        await ledger.credit(wallet, 10_000)
        const results = await Promise.all(Array.from({ length: 200 }, () => ledger.spend(wallet, 70)))
        const ok = results.filter((r) => r.status === 200)
        const refused = results.filter((r) => r.status !== 200)
        expect(ok.length).toBe(Math.floor(10_000 / 70))
        expect(refused.length).toBe(200 - ok.length)
        for (const r of refused) {
          expect(r.status).toBe(400)
          expect(r.data.code).toBe("insufficient_funds")
          expect(r.data.message).toMatch(/^Insufficient balance: 0\.70 EUR requested, 0\.\d\d EUR spendable/)
        }
        expect(await ledger.balances(wallet)).toEqual({ EUR: 10_000 - 70 * ok.length, EUR_GIFT: 0 })
        // Every answered balance is distinct and never below zero: the spends were serialized.
        const after = ok.map((r) => r.data.balances[wallet].EUR as number)
        expect(new Set(after).size).toBe(ok.length)
        expect(Math.min(...after)).toBeGreaterThanOrEqual(0)

        const { rows } = await db.raw(
          `select p.sequence, p.prev_hash, p.hash from cashless_posting p
             join cashless_account a on a.id = p.account_id
            where a.wallet_id = ? and a.asset_id = 'casset_eur' order by p.sequence`,
          [wallet]
        )
        expect(rows.map((r) => Number(r.sequence))).toEqual(rows.map((_, i) => i + 1))
        rows.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? null : rows[i - 1].hash))
        expect((await ledger.verify()).data).toMatchObject({ ok: true, issues: [] })
      })

      it("200 concurrent spends from distinct wallets into one point of sale never wait on its revenue", async () => {
        const wallets = await Promise.all(Array.from({ length: 200 }, () => ledger.createWallet()))
        const credits = await Promise.all(wallets.map((w) => ledger.credit(w, 1_000)))
        expect(credits.every((r) => r.status === 200)).toBe(true)
        // The revenue account exists once one sale was made into it.
        expect((await ledger.spend(wallets[0], 100, { point_of_sale: "festival-bar" })).status).toBe(200)

        // Hold the lock that a stored revenue balance would need, for the whole burst: any
        // spend that tried to update that row would wait, then fail on the lock timeout.
        const holder = await db.transaction()
        await holder.raw(
          `select id from cashless_account where system_code = 'revenue:festival-bar' for no key update`
        )
        let results
        try {
          results = await Promise.all(wallets.map((w) => ledger.spend(w, 250, { point_of_sale: "festival-bar" })))
        } finally {
          await holder.rollback()
        }
        expect(results.map((r) => r.status)).toEqual(Array(200).fill(200))
        const { rows } = await db.raw(
          `select sum(p.amount) as total from cashless_posting p
             join cashless_account a on a.id = p.account_id where a.system_code = 'revenue:festival-bar'`
        )
        expect(Number(rows[0].total)).toBe(100 + 200 * 250)
        const stored = await db.raw(`select balance from cashless_account where system_code = 'revenue:festival-bar'`)
        expect(stored.rows.map((r) => Number(r.balance))).toEqual([0])
      })

      it("concurrent transfers A→B and B→A do not deadlock and keep the sum", async () => {
        const a = await ledger.createWallet()
        const b = await ledger.createWallet()
        await ledger.credit(a, 5_000)
        await ledger.credit(b, 5_000)
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => (i % 2 ? ledger.transfer(a, b, 13) : ledger.transfer(b, a, 7)))
        )
        expect(results.map((r) => r.status)).toEqual(Array(200).fill(200))
        const [ba, bb] = [await ledger.balances(a), await ledger.balances(b)]
        expect(ba.EUR + bb.EUR).toBe(10_000)
        expect(ba.EUR).toBe(5_000 - 100 * 13 + 100 * 7)
        const unbalanced = await db.raw(
          `select entry_id, asset_id, sum(amount) from cashless_posting group by 1, 2 having sum(amount) <> 0`
        )
        expect(unbalanced.rows).toEqual([])
        expect((await ledger.verify()).data).toMatchObject({ ok: true, issues: [] })
      })
    })

    describe("tamper evidence", () => {
      it("names a changed posting, a deleted posting and a changed balance", async () => {
        const wallet = await ledger.createWallet()
        const other = await ledger.createWallet()
        const third = await ledger.createWallet()
        await ledger.credit(wallet, 1_000)
        const changed = await ledger.spend(wallet, 300)
        await ledger.credit(other, 500)
        const deleted = await ledger.spend(other, 100)
        await ledger.spend(other, 50)
        await ledger.credit(third, 800)
        expect((await ledger.verify()).data.ok).toBe(true)

        const changedPosting = changed.data.postings.find((p: { wallet_id: string }) => p.wallet_id === wallet)
        const deletedPosting = deleted.data.postings.find((p: { wallet_id: string }) => p.wallet_id === other)
        const thirdAccount = (
          await db.raw(`select id from cashless_account where wallet_id = ? and asset_id = 'casset_eur'`, [third])
        ).rows[0].id
        // The append-only triggers refuse these; an attacker with superuser rights disables them.
        const trx = await db.transaction()
        await trx.raw(`set local session_replication_role = replica`)
        await trx.raw(`update cashless_posting set amount = -30 where id = ?`, [changedPosting.id])
        await trx.raw(`delete from cashless_posting where id = ?`, [deletedPosting.id])
        await trx.raw(`update cashless_account set balance = 90000 where id = ?`, [thirdAccount])
        await trx.commit()

        const report = (await ledger.verify()).data
        expect(report.ok).toBe(false)
        const named = (table: string, id: string) =>
          report.issues.filter((i: { table: string; id: string }) => i.table === table && i.id === id)
        expect(named("cashless_posting", changedPosting.id).map((i: { problem: string }) => i.problem)).toContain(
          "hash does not match the posting's content"
        )
        expect(named("cashless_journal_entry", changed.data.entry.id).length).toBeGreaterThan(0)
        expect(named("cashless_account", deletedPosting.account_id).map((i: { problem: string }) => i.problem)).toContain(
          `chain breaks: sequence ${deletedPosting.sequence} missing before posting ${
            (await db.raw(`select id from cashless_posting where account_id = ? and sequence = ?`, [
              deletedPosting.account_id,
              deletedPosting.sequence + 1,
            ])).rows[0].id
          }`
        )
        expect(named("cashless_journal_entry", deleted.data.entry.id).length).toBeGreaterThan(0)
        expect(named("cashless_account", thirdAccount).map((i: { problem: string }) => i.problem)).toContain(
          "stored balance is 90000, but its postings end at 800"
        )
      })

      it("names an edited entry and a whole entry removed with its postings", async () => {
        const wallet = await ledger.createWallet()
        const other = await ledger.createWallet()
        await ledger.credit(wallet, 1_000)
        const edited = await ledger.spend(wallet, 200)
        await ledger.credit(other, 700)
        const removed = await ledger.spend(other, 300)
        const after = await ledger.spend(other, 100)
        expect((await ledger.verify()).data.ok).toBe(true)

        const otherPosting = removed.data.postings.find((p: { wallet_id: string }) => p.wallet_id === other)
        const trx = await db.transaction()
        await trx.raw(`set local session_replication_role = replica`)
        // Who did it and why are part of the entry's hash, as much as the amounts are.
        await trx.raw(`update cashless_journal_entry set actor = 'user:someone_else', reason = 'edited' where id = ?`, [edited.data.entry.id])
        await trx.raw(`delete from cashless_posting where entry_id = ?`, [removed.data.entry.id])
        await trx.raw(`delete from cashless_journal_entry where id = ?`, [removed.data.entry.id])
        await trx.commit()

        const report = (await ledger.verify()).data
        expect(report.ok).toBe(false)
        const problems = (table: string, id: string) =>
          report.issues.filter((i: { table: string; id: string }) => i.table === table && i.id === id).map((i: { problem: string }) => i.problem)
        expect(problems("cashless_journal_entry", edited.data.entry.id)).toContain(
          "hash does not match the entry and its postings (a posting was changed, added or removed)"
        )
        const next = after.data.postings.find((p: { wallet_id: string }) => p.wallet_id === other)
        expect(problems("cashless_account", otherPosting.account_id)).toContain(
          `chain breaks: sequence ${otherPosting.sequence} missing before posting ${next.id}`
        )
        // Nothing else is blamed: the untouched wallet's chain still verifies.
        const blamed = new Set(report.issues.map((i: { id: string }) => i.id))
        expect(blamed.has(edited.data.postings.find((p: { wallet_id: string }) => p.wallet_id === wallet).account_id)).toBe(false)
      })

      it("refuses UPDATE and DELETE of ledger rows in the database itself", async () => {
        const wallet = await ledger.createWallet()
        const credit = await ledger.credit(wallet, 100)
        await expect(db.raw(`update cashless_posting set amount = 1 where entry_id = ?`, [credit.data.entry.id])).rejects.toThrow(
          /append-only/
        )
        await expect(db.raw(`delete from cashless_journal_entry where id = ?`, [credit.data.entry.id])).rejects.toThrow(
          /append-only/
        )
        await expect(
          db.raw(`update cashless_account set balance = -1 where wallet_id = ?`, [wallet])
        ).rejects.toThrow(/cashless_account_wallet_balance_check/)
      })
    })

    describe("bad input", () => {
      const tables = ["cashless_journal_entry", "cashless_posting", "cashless_account", "cashless_wallet", "cashless_asset"]
      const snapshot = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])))

      const cases: Array<[string, (w: string) => [string, Record<string, unknown>], number, RegExp]> = [
        ["zero", (w) => [`/wallets/${w}/spend`, { amount: 0 }], 400, /amount must be greater than zero/],
        ["negative", (w) => [`/wallets/${w}/credit`, { amount: -5 }], 400, /amount must be greater than zero/],
        ["fractional", (w) => [`/wallets/${w}/spend`, { amount: 2.5 }], 400, /whole number of minor units/],
        ["non-numeric", (w) => [`/wallets/${w}/spend`, { amount: "abc" }], 400, /Expected type: 'number' for field 'amount', got: 'abc'/],
        ["numeric string", (w) => [`/wallets/${w}/credit`, { amount: "100" }], 400, /Expected type: 'number' for field 'amount'/],
        ["above 2^53", (w) => [`/wallets/${w}/credit`, { amount: 2 ** 53 + 2 }], 400, /amount must be at most/],
        ["above the maximum per operation", (w) => [`/wallets/${w}/credit`, { amount: 100_000_001 }], 400, /above the maximum of 100000000 minor units/],
        ["unknown asset", (w) => [`/wallets/${w}/credit`, { asset_code: "DOGE" }], 400, /Unknown asset "DOGE". Known assets: /],
        ["gift into a fiat asset", (w) => [`/wallets/${w}/gift`, { asset_code: "EUR" }], 400, /not gift credit/],
        ["unknown wallet", () => [`/wallets/cwal_nope/spend`, {}], 404, /Wallet cwal_nope not found/],
        ["unknown wallet (credit)", () => [`/wallets/cwal_nope/credit`, {}], 404, /Wallet cwal_nope not found/],
        ["missing key", (w) => [`/wallets/${w}/credit`, { idempotency_key: undefined }], 400, /Field 'idempotency_key' is required/],
        ["extra field", (w) => [`/wallets/${w}/credit`, { balance: 1e6 }], 400, /balance/],
        ["gift without reason", (w) => [`/wallets/${w}/gift`, { reason: " " }], 400, /field 'reason' too small/],
        ["transfer to itself", (w) => [`/wallets/${w}/transfer`, { to_wallet_id: w }], 400, /two different wallets/],
        ["unknown entry", () => [`/entries/cje_nope/reverse`, {}], 404, /Entry cje_nope not found/],
      ]

      it.each(cases)("%s → a readable 4xx and no row written", async (_name, build, status, message) => {
        const wallet = await ledger.createWallet()
        await ledger.credit(wallet, 1_000)
        const [path, overrides] = build(wallet)
        const base: Record<string, unknown> = path.endsWith("/credit")
          ? { amount: 100, source: "online_payments" }
          : path.endsWith("/gift")
            ? { amount: 100, reason: "thanks" }
            : path.endsWith("/transfer")
              ? { amount: 100, to_wallet_id: wallet }
              : path.endsWith("/reverse")
                ? { reason: "oops" }
                : { amount: 100, currency_code: "eur", point_of_sale: "bar" }
        const before = await snapshot()
        const res = await ledger.post(`/admin/cashless${path}`, {
          ...base,
          idempotency_key: key("bad"),
          ...overrides,
        })
        expect(res.status).toBe(status)
        expect(res.data.message).toMatch(message)
        expect(await snapshot()).toEqual(before)
      })
    })
  },
})
