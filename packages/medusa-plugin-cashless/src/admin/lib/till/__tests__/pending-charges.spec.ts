import type { Outcome } from "../http"
import { decide, PendingChargeStore, runCharge, type KeyValueStorage, type PendingCharge } from "../pending-charges"

class MapStorage implements KeyValueStorage {
  readonly map = new Map<string, string>()
  getItem(key: string) {
    return this.map.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.map.set(key, value)
  }
  removeItem(key: string) {
    this.map.delete(key)
  }
}

const answer = (status: number, body: Record<string, unknown> = {}): Outcome<unknown> => ({ kind: "answer", status, body })
const offline: Outcome<unknown> = { kind: "network", reason: "offline", message: "Failed to fetch" }
const timeout: Outcome<unknown> = { kind: "network", reason: "timeout", message: "no answer in time" }

const charge = (key = "k1", posId = "pos_1"): PendingCharge => ({
  key,
  pos_id: posId,
  kind: "sale",
  path: `/admin/cashless/tills/${posId}/sales`,
  body: { idempotency_key: key, card_uid: "04A1B2C3", lines: [{ variant_id: "v", quantity: 2 }] },
  display: { total: 700, currency_code: "eur" },
  created_at: "2025-07-01T20:00:00.000Z",
  attempts: 0,
})

describe("decide", () => {
  it("retries what may not have been answered: network failures, timeouts, 5xx, 408 and 429", () => {
    for (const o of [offline, timeout, answer(500), answer(502), answer(503), answer(504), answer(408), answer(429)]) expect(decide(o)).toBe("retry")
  })
  it("stops on a definitive answer", () => {
    expect(decide(answer(201))).toBe("done")
    expect(decide(answer(200))).toBe("done")
    expect(decide(answer(402, { code: "wallet_short" }))).toBe("wallet_short")
    expect(decide(answer(402, { code: "other" }))).toBe("refused")
    for (const status of [400, 403, 404, 409, 422]) expect(decide(answer(status))).toBe("refused")
    expect(decide(answer(401))).toBe("logged_out")
  })
})

describe("PendingChargeStore", () => {
  it("keeps charges by key across instances (a reload), per point of sale, and forgets them one by one", () => {
    const storage = new MapStorage()
    new PendingChargeStore(storage).save(charge("a"))
    new PendingChargeStore(storage).save(charge("b", "pos_2"))
    new PendingChargeStore(storage).save({ ...charge("a"), attempts: 3 })
    const store = new PendingChargeStore(storage)
    expect(store.all().map((c) => [c.key, c.attempts])).toEqual([
      ["b", 0],
      ["a", 3],
    ])
    expect(store.forPointOfSale("pos_1").map((c) => c.key)).toEqual(["a"])
    store.remove("a")
    store.remove("b")
    expect(store.all()).toEqual([])
    expect(storage.map.size).toBe(0)
  })

  it("survives garbage in storage", () => {
    const storage = new MapStorage()
    storage.setItem("cashless.till.pending", "{not json")
    expect(new PendingChargeStore(storage).all()).toEqual([])
    storage.setItem("cashless.till.pending", JSON.stringify([{ nope: 1 }, charge("ok")]))
    expect(new PendingChargeStore(storage).all().map((c) => c.key)).toEqual(["ok"])
  })
})

describe("runCharge", () => {
  const setup = (outcomes: Outcome<unknown>[]) => {
    const storage = new MapStorage()
    const store = new PendingChargeStore(storage)
    const sent: PendingCharge[] = []
    const storedAtSend: number[] = []
    const sleeps: number[] = []
    const retries: number[] = []
    const deps = {
      store,
      send: async (c: PendingCharge) => {
        sent.push(c)
        storedAtSend.push(store.all().length)
        return outcomes.shift() ?? answer(201)
      },
      sleep: async (ms: number) => {
        sleeps.push(ms)
      },
      onRetry: (attempt: number) => retries.push(attempt),
      random: () => 0,
    }
    return { store, sent, storedAtSend, sleeps, retries, deps }
  }

  it("saves the charge before sending it, retries with the same key until answered, then forgets it", async () => {
    const s = setup([offline, answer(503), timeout, answer(201, { sale: { id: "s1" } })])
    const result = await runCharge(charge(), s.deps)
    expect(result).toMatchObject({ decision: "done", outcome: { status: 201 } })
    expect(s.storedAtSend).toEqual([1, 1, 1, 1])
    expect(s.sent.map((c) => c.body.idempotency_key)).toEqual(["k1", "k1", "k1", "k1"])
    expect(new Set(s.sent.map((c) => JSON.stringify(c.body))).size).toBe(1)
    expect(s.retries).toEqual([1, 2, 3])
    expect(s.sleeps).toEqual([250, 500, 1000])
    expect(s.store.all()).toEqual([])
  })

  it("counts its attempts in the store while it waits, so a reload knows", async () => {
    const s = setup([offline, offline])
    const seen: number[] = []
    await runCharge(charge(), { ...s.deps, onRetry: () => seen.push(s.store.all()[0].attempts) })
    expect(seen).toEqual([1, 2])
  })

  it("forgets a refused charge and a short wallet (nothing was written), keeps one whose login expired", async () => {
    const refused = setup([answer(409, { code: "idempotency_conflict", message: "used" })])
    expect(await runCharge(charge(), refused.deps)).toMatchObject({ decision: "refused", outcome: { status: 409 } })
    expect(refused.store.all()).toEqual([])

    const short = setup([answer(402, { code: "wallet_short", short_by: 300 })])
    expect(await runCharge(charge(), short.deps)).toMatchObject({ decision: "wallet_short", outcome: { body: { short_by: 300 } } })
    expect(short.store.all()).toEqual([])

    const loggedOut = setup([answer(401)])
    expect(await runCharge(charge(), loggedOut.deps)).toMatchObject({ decision: "logged_out" })
    expect(loggedOut.store.all().map((c) => c.key)).toEqual(["k1"])
  })

  it("stops between attempts when the till is left, keeping the charge for later", async () => {
    const s = setup([offline, offline, offline])
    const result = await runCharge(charge(), { ...s.deps, stopped: () => s.sent.length >= 2 })
    expect(result).toEqual({ decision: "cancelled" })
    expect(s.store.all().map((c) => [c.key, c.attempts])).toEqual([["k1", 2]])
  })
})
