/**
 * Property-based test of the ledger: random sequences of operations (fast-check) run
 * against the real module on real PostgreSQL, next to a plain model of what the balances
 * must be. After every operation: balances equal the model, none is negative, every entry
 * sums to zero and the whole ledger verifies.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { WALLET_MODULE } from "medusa-plugin-cashless/modules/wallet"

jest.setTimeout(300_000)
delete process.env.REDIS_URL

type Wallet = {
  createWallet(data?: object): Promise<{ id: string }>
  credit(input: object): Promise<Result>
  issueGift(input: object): Promise<Result>
  spend(input: object): Promise<Result>
  transfer(input: object): Promise<Result>
  adjust(input: object): Promise<Result>
  reverse(input: object): Promise<Result>
  getBalances(ids: string[]): Promise<Record<string, Array<{ asset_code: string; balance: number }>>>
  verify(): Promise<{ ok: boolean; issues: unknown[] }>
}
type Result = {
  entry: { id: string; kind: string }
  postings: Array<{ wallet_id: string | null; asset_code: string; amount: number }>
  replayed: boolean
}

const ASSETS = ["EUR", "EUR_GIFT"] as const
type Balances = Record<string, Record<(typeof ASSETS)[number], number>>

const op = fc.oneof(
  fc.record({ kind: fc.constant("credit" as const), w: fc.nat(2), amount: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant("gift" as const), w: fc.nat(2), amount: fc.integer({ min: 1, max: 2_000 }) }),
  fc.record({ kind: fc.constant("spend" as const), w: fc.nat(2), amount: fc.integer({ min: 1, max: 6_000 }) }),
  fc.record({
    kind: fc.constant("transfer" as const),
    w: fc.nat(2),
    to: fc.nat(2),
    asset: fc.constantFrom(...ASSETS),
    amount: fc.integer({ min: 1, max: 3_000 }),
  }),
  fc.record({
    kind: fc.constant("adjust" as const),
    w: fc.nat(2),
    asset: fc.constantFrom(...ASSETS),
    amount: fc.integer({ min: -2_000, max: 2_000 }).filter((n) => n !== 0),
  }),
  fc.record({ kind: fc.constant("reverse" as const), pick: fc.nat(1_000) }),
  fc.record({ kind: fc.constant("replay" as const), pick: fc.nat(1_000) })
)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    it("keeps every invariant over random operation sequences", async () => {
      const wallet = getContainer().resolve<Wallet>(WALLET_MODULE)
      let run = 0

      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
          run++
          const ids = [(await wallet.createWallet()).id, (await wallet.createWallet()).id, (await wallet.createWallet()).id]
          const model: Balances = Object.fromEntries(ids.map((id) => [id, { EUR: 0, EUR_GIFT: 0 }]))
          const done: Array<{ call: () => Promise<Result>; result: Result; reversed: boolean }> = []
          let n = 0
          const key = () => `prop-${run}-${++n}`

          for (const o of ops) {
            const id = "w" in o ? ids[o.w] : ""
            const attempt = async (call: () => Promise<Result>, allowed: boolean, apply: () => void) => {
              let result: Result | null = null
              try {
                result = await call()
              } catch (err) {
                const code = (err as { code?: string }).code
                if (allowed || !["insufficient_funds", "already_reversed", "invalid"].includes(code ?? "")) throw err
              }
              expect(result !== null).toBe(allowed)
              if (result) {
                apply()
                done.push({ call, result, reversed: false })
              }
            }
            const total = (w: string) => model[w].EUR + model[w].EUR_GIFT

            if (o.kind === "credit") {
              const k = key()
              await attempt(
                () => wallet.credit({ wallet_id: id, asset_code: "EUR", amount: o.amount, source: "cash_drawer", idempotency_key: k }),
                true,
                () => (model[id].EUR += o.amount)
              )
            } else if (o.kind === "gift") {
              const k = key()
              await attempt(
                () => wallet.issueGift({ wallet_id: id, asset_code: "EUR_GIFT", amount: o.amount, reason: "test", idempotency_key: k }),
                true,
                () => (model[id].EUR_GIFT += o.amount)
              )
            } else if (o.kind === "spend") {
              const k = key()
              await attempt(
                () => wallet.spend({ wallet_id: id, currency_code: "eur", amount: o.amount, point_of_sale: "bar", idempotency_key: k }),
                total(id) >= o.amount,
                () => {
                  const fromGift = Math.min(model[id].EUR_GIFT, o.amount)
                  model[id].EUR_GIFT -= fromGift
                  model[id].EUR -= o.amount - fromGift
                }
              )
            } else if (o.kind === "transfer") {
              const to = ids[o.to]
              if (to === id) continue
              const k = key()
              await attempt(
                () => wallet.transfer({ from_wallet_id: id, to_wallet_id: to, asset_code: o.asset, amount: o.amount, idempotency_key: k }),
                model[id][o.asset] >= o.amount,
                () => {
                  model[id][o.asset] -= o.amount
                  model[to][o.asset] += o.amount
                }
              )
            } else if (o.kind === "adjust") {
              const k = key()
              await attempt(
                () => wallet.adjust({ wallet_id: id, asset_code: o.asset, amount: o.amount, reason: "test", idempotency_key: k }),
                model[id][o.asset] + o.amount >= 0,
                () => (model[id][o.asset] += o.amount)
              )
            } else if (o.kind === "reverse") {
              const candidates = done.filter((d) => d.result.entry.kind !== "reversal")
              if (!candidates.length) continue
              const target = candidates[o.pick % candidates.length]
              const legs = target.result.postings.filter((p) => p.wallet_id)
              const fits = legs.every((p) => model[p.wallet_id!][p.asset_code as "EUR"] - p.amount >= 0)
              const k = key()
              await attempt(
                () => wallet.reverse({ entry_id: target.result.entry.id, reason: "test", idempotency_key: k }),
                fits && !target.reversed,
                () => {
                  target.reversed = true
                  for (const p of legs) model[p.wallet_id!][p.asset_code as "EUR"] -= p.amount
                }
              )
            } else if (o.kind === "replay") {
              if (!done.length) continue
              const original = done[o.pick % done.length]
              const again = await original.call()
              expect(again.replayed).toBe(true)
              expect(again.entry).toEqual(original.result.entry)
            }

            const stored = await wallet.getBalances(ids)
            for (const w of ids) {
              const got = Object.fromEntries(stored[w].map((b) => [b.asset_code, b.balance]))
              expect(got).toEqual(model[w])
              expect(Math.min(...Object.values(got))).toBeGreaterThanOrEqual(0)
            }
            const report = await wallet.verify()
            expect(report.issues).toEqual([])
          }
        }),
        { numRuns: 20, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), verbose: 1 }
      )
    })
  },
})
