import { randomUUID } from "node:crypto"
import pg from "pg"
import { adminHttp, type AdminHttp, type AdminResponse } from "../helpers/admin-http"
import { registerCard } from "../helpers/cards"
import { createCluster, type Cluster } from "../helpers/medusa-cluster"
import { shopFixture } from "../helpers/shop-fixture"
import { openSse, type SseClient } from "../helpers/sse-client"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithRedis } = require("../../../../tools/jest/optional-service.cjs")

// Festival mode (#11, docs/festival-mode.md): two Medusa servers and one worker, separate
// processes of the shop app on one PostgreSQL database and one Redis (Medusa's Redis event bus,
// workflow engine and locking). Tap-to-pay sales hit the same cards at both servers at once,
// some with one idempotency key sent to both; the money must come out exact, each key must make
// one sale, the ledger must verify, and the worker must turn every sale into its Medusa order.
// A reader's tap posted to one server must reach till pages on both. Figures go to the log.
jest.setTimeout(900_000)

const redisBaseUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const describeRedis = describeWithRedis(redisBaseUrl)

const ADMIN = { email: "festival@cashless.local", password: "festival-admin-password" }
/** The till's event that the worker turns into a Medusa order (plugin: workflows/till/sale-types.ts). */
const SALE_RECORDED = "cashless.till_sale.recorded"
/** Medusa's Redis event bus: BullMQ queue "events-queue" under the prefix of its service's class name. */
const EVENTS_QUEUE = "RedisEventBusService:events-queue"
const CARDS = 3
const SALES = 90
const CARD_FUNDS = 3_000
const PRICE_EUR = 2.5
const IN_FLIGHT = 24

type Sent = { key: string; card: number; targets: string[]; answers: AdminResponse[] }

/** Runs `work` over `items` with at most `limit` in flight. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}

/** Polls `read` until `done` (every 250 ms, up to `timeoutMs`); returns the last value either way. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250))
    value = await read()
  }
  return value
}

const must = (what: string, res: AdminResponse, status: number) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data
}

/** The ledger verifies (chains, entry hashes, balances), asked of either server. */
async function expectVerified(admin: AdminHttp) {
  const res = await admin.post("/admin/cashless/ledger/verify", {})
  expect(res.data.report ?? res.data).toMatchObject({ ok: true })
}

const lines = (text: string, needle: string) => text.split("\n").filter((l) => l.includes(needle)).length

describeRedis("festival mode: two Medusa servers and a worker on one PostgreSQL and Redis", () => {
  let cluster: Cluster | undefined
  let db: pg.Client
  let a: AdminHttp
  let b: AdminHttp
  let posId: string
  let variantId: string
  const streams: SseClient[] = []
  const figures: Record<string, unknown> = {}
  const suiteStarted = Date.now()

  const c = () => cluster!
  const query = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows
  const dbAdapter = { raw: (sql: string, bindings: unknown[] = []) => { let i = 0; return db.query(sql.replace(/\?/g, () => `$${++i}`), bindings) } } // prettier-ignore

  /** A registered card, tapped once (its wallet made), holding `cents` paid in cash. */
  const fundedCard = async (cents: number) => {
    const card = await registerCard(a, dbAdapter, "Festival", "F")
    const tapped = await a.post("/admin/cashless/card-taps", { uid: card.uid })
    if (!tapped.data.card?.wallet_id) throw new Error(`first tap: ${tapped.status} ${JSON.stringify(tapped.data)}`)
    const walletId = tapped.data.card.wallet_id as string
    const credit = await a.post(`/admin/cashless/wallets/${walletId}/credit`, { amount: cents, source: "cash_drawer", idempotency_key: `fund-${walletId}` })
    if (credit.status >= 300) throw new Error(`credit: ${credit.status} ${JSON.stringify(credit.data)}`)
    return { uid: card.uid, wallet_id: walletId }
  }
  const eurBalance = async (admin: AdminHttp, walletId: string) =>
    (must("wallet", await admin.get(`/admin/cashless/wallets/${walletId}`), 200).wallet.balances as Array<{ asset_code: string; balance: number }>).find(
      (x) => x.asset_code === "EUR"
    )?.balance ?? 0
  const sale = (admin: AdminHttp, key: string, uid: string) =>
    admin.post(`/admin/cashless/tills/${posId}/sales`, { idempotency_key: key, card_uid: uid, lines: [{ variant_id: variantId, quantity: 1 }] })
  const salesOf = (keys: string[]) =>
    query(`select id, idempotency_key, total, order_id from cashless_sale where point_of_sale_id = $1 and idempotency_key = any($2)`, [posId, keys])

  /** Sale ids whose "recorded" event waits in Redis for a worker (BullMQ jobs not yet taken). */
  const queuedSaleEvents = async (): Promise<string[]> => {
    const redis = c().redis
    const ids = [...(await redis.lrange(`${EVENTS_QUEUE}:wait`, 0, -1)), ...(await redis.zrange(`${EVENTS_QUEUE}:prioritized`, 0, -1))]
    const found: string[] = []
    for (const id of ids) {
      const [name, data] = await redis.hmget(`${EVENTS_QUEUE}:${id}`, "name", "data")
      if (name === SALE_RECORDED && data) found.push(String(JSON.parse(data).data?.id))
    }
    return found
  }

  beforeAll(async () => {
    cluster = await createCluster("festival", { redisBaseUrl })
    db = new pg.Client({ connectionString: cluster.databaseUrl })
    db.on("error", () => {})
    await db.connect()
    const migrate = await cluster.cli(["db:migrate"])
    figures.migrate_s = migrate.ms / 1000
    const bootStarted = Date.now()
    const [user] = await Promise.all([
      cluster.cli(["user", "-e", ADMIN.email, "-p", ADMIN.password]),
      cluster.start("server-a", "server"),
      cluster.start("server-b", "server"),
      cluster.start("worker", "worker"),
    ])
    figures.user_s = user.ms / 1000
    figures.boot_s = Object.fromEntries([...cluster.processes.values()].map((p) => [p.name, p.bootMs / 1000]))
    figures.all_three_ready_s = (Date.now() - bootStarted) / 1000

    a = await adminHttp(cluster.get("server-a").base, ADMIN.email, ADMIN.password)
    b = await adminHttp(cluster.get("server-b").base, ADMIN.email, ADMIN.password)
    const shop = await shopFixture(a, "festival")
    variantId = (await shop.product("Festival beer", PRICE_EUR)).variant_id
    posId = must(
      "point of sale",
      await a.post("/admin/cashless/points-of-sale", { name: "Main stage bar", sales_channel_id: shop.sales_channel_id, country_code: "fr" }),
      201
    ).point_of_sale.id
    must("session", await b.post(`/admin/cashless/tills/${posId}/sessions`, { opening_float: 0 }), 201)
  })

  afterEach(() => streams.splice(0).forEach((s) => s.close()))

  afterAll(async () => {
    streams.forEach((s) => s.close())
    figures.suite_s = (Date.now() - suiteStarted) / 1000
    console.log(`[festival] figures ${JSON.stringify(figures)}`)
    await db?.end().catch(() => {})
    await cluster?.destroy()
  })

  it("runs the event bus, the workflow engine and locking on Redis in both servers", async () => {
    for (const admin of [a, b]) {
      expect(must("status", await admin.get("/admin/cashless/status"), 200).infrastructure).toEqual({
        event_bus: "redis",
        workflow_engine: "redis",
        locking: "redis",
      })
    }
    // A worker serves no API: only /health.
    expect((await fetch(`${c().get("worker").base}/admin/cashless/status`)).status).toBe(404)
  })

  it("sells on the same cards at both servers at once: exact balances, one sale per key, a verified ledger, every sale projected", async () => {
    const cards = await Promise.all(Array.from({ length: CARDS }, () => fundedCard(CARD_FUNDS)))
    const runId = randomUUID().slice(0, 8)
    // Every third key goes to both servers at the same moment (a till retrying through the load
    // balancer while its first request still runs); the others alternate between the servers.
    const plan: Sent[] = Array.from({ length: SALES }, (_, i) => ({
      key: `festival-${runId}-${i}`,
      card: i % CARDS,
      targets: i % 3 === 0 ? ["a", "b"] : i % 2 ? ["b"] : ["a"],
      answers: [],
    }))
    const fired = Date.now()
    await mapLimit(plan, IN_FLIGHT, async (s) => {
      s.answers = await Promise.all(s.targets.map((t) => sale(t === "a" ? a : b, s.key, cards[s.card].uid)))
    })
    const loadEnded = Date.now()
    const loadSeconds = (loadEnded - fired) / 1000
    const waitingAtLoadEnd = (await salesOf(plan.map((s) => s.key))).filter((r) => !r.order_id).length

    const statuses = plan.flatMap((s) => s.answers.map((r) => r.status))
    const unexpected = plan.filter((s) => s.answers.some((r) => ![200, 201, 402].includes(r.status)))
    expect(unexpected.map((s) => ({ key: s.key, answers: s.answers }))).toEqual([])
    // The same key at both servers answers the same sale (created once, replayed once) or the same refusal.
    for (const s of plan.filter((p) => p.targets.length === 2)) {
      const pair = s.answers.map((r) => r.status).sort()
      expect([
        [200, 201],
        [402, 402],
      ]).toContainEqual(pair)
      if (pair[0] === 200) expect(s.answers[0].data.sale.id).toBe(s.answers[1].data.sale.id)
    }

    const accepted = plan.filter((s) => s.answers.some((r) => r.status === 201 || r.status === 200))
    const refused = plan.filter((s) => s.answers.every((r) => r.status === 402))
    const rows = await salesOf(plan.map((s) => s.key))
    // Exactly one sale per accepted key, none for a refused one.
    const perKey = new Map<string, number>()
    for (const r of rows) perKey.set(r.idempotency_key, (perKey.get(r.idempotency_key) ?? 0) + 1)
    const duplicates = [...perKey.values()].filter((n) => n > 1).length
    expect(duplicates).toBe(0)
    expect(new Set(rows.map((r) => r.idempotency_key))).toEqual(new Set(accepted.map((s) => s.key)))
    const { rows: entries } = await db.query(`select count(*)::int as n from cashless_journal_entry where external_ref = any($1)`, [
      rows.map((r) => `sale:${r.id}`),
    ])
    expect(entries[0].n).toBe(rows.length)

    // Money: each card lost exactly the totals of its accepted sales, and was refused only once it
    // could no longer pay one: never below zero, never a refused sale it could have paid.
    const price = Number(rows[0].total)
    expect(price).toBeGreaterThan(0)
    for (const [i, card] of cards.entries()) {
      const keys = new Set(accepted.filter((s) => s.card === i).map((s) => s.key))
      const spent = rows.filter((r) => keys.has(r.idempotency_key)).reduce((sum, r) => sum + Number(r.total), 0)
      const balance = await eurBalance(i % 2 ? a : b, card.wallet_id)
      expect(balance).toBe(CARD_FUNDS - spent)
      expect(keys.size).toBe(Math.floor(CARD_FUNDS / price))
      expect(balance).toBeLessThan(price)
    }
    await expectVerified(b)

    // The worker turns every sale into its Medusa order; the servers run no subscriber.
    const projected = await until(
      () => salesOf(plan.map((s) => s.key)),
      (list) => list.every((r) => r.order_id),
      240_000
    )
    const projectedAt = Date.now()
    expect(projected.filter((r) => !r.order_id).map((r) => r.id)).toEqual([])
    const orders = await query(`select count(*)::int as n from "order" where id = any($1)`, [projected.map((r) => r.order_id)])
    expect(orders[0].n).toBe(rows.length)
    const worker = lines(c().get("worker").output(), `Processing ${SALE_RECORDED}`)
    expect(worker).toBeGreaterThanOrEqual(rows.length)
    expect(lines(c().get("server-a").output(), `Processing ${SALE_RECORDED}`)).toBe(0)
    expect(lines(c().get("server-b").output(), `Processing ${SALE_RECORDED}`)).toBe(0)

    const perServer = (t: string) => {
      const answers = plan.flatMap((s) => s.answers.filter((_, j) => s.targets[j] === t))
      return { requests: answers.length, created: answers.filter((r) => r.status === 201).length, replayed: answers.filter((r) => r.status === 200).length, refused: answers.filter((r) => r.status === 402).length } // prettier-ignore
    }
    figures.sales = {
      keys: SALES,
      requests: statuses.length,
      keys_sent_to_both: plan.filter((s) => s.targets.length === 2).length,
      accepted: accepted.length,
      refused_insufficient_funds: refused.length,
      duplicates,
      price_cents: price,
      load_s: loadSeconds,
      per_server: { a: perServer("a"), b: perServer("b") },
      orders_waiting_at_load_end: waitingAtLoadEnd,
      projection_caught_up_s_after_load: (projectedAt - loadEnded) / 1000,
      worker_processed_sale_events: worker,
    }
  })

  it("keeps the sales' events in Redis while the worker is down; the worker projects them when it is back", async () => {
    await c().stop("worker")
    const card = await fundedCard(2_000)
    const keys = Array.from({ length: 6 }, (_, i) => `festival-down-${randomUUID()}-${i}`)
    const answers = await Promise.all(keys.map((k, i) => sale(i % 2 ? b : a, k, card.uid)))
    expect(answers.map((r) => r.status)).toEqual(keys.map(() => 201))
    const ids = answers.map((r) => r.data.sale.id as string)

    // Nobody consumes the queue: both servers run, but only a worker takes events.
    const queued = await until(queuedSaleEvents, (q) => ids.every((id) => q.includes(id)), 10_000)
    expect(ids.filter((id) => !queued.includes(id))).toEqual([])
    expect((await salesOf(keys)).filter((r) => r.order_id)).toEqual([])

    const worker = await c().start("worker", "worker")
    figures.worker_restart_boot_s = worker.bootMs / 1000
    const projected = await until(
      () => salesOf(keys),
      (list) => list.every((r) => r.order_id),
      240_000
    )
    expect(projected.filter((r) => !r.order_id)).toEqual([])
    const left = await until(queuedSaleEvents, (q) => !ids.some((id) => q.includes(id)), 30_000)
    expect(ids.filter((id) => left.includes(id))).toEqual([])
    await expectVerified(a)
  })

  it("delivers a reader's tap posted to one server to the till pages on both, once, with the normalized UID", async () => {
    const { code } = must("pairing code", await a.post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: posId }), 201).pairing_code
    const paired = await fetch(`${c().get("server-b").base}/cashless/devices/pair`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code, name: "Stage reader" }),
    })
    expect(paired.status).toBe(201)
    const { token } = (await paired.json()) as { token: string }
    const tap = (server: string, body: Record<string, unknown>) =>
      fetch(`${c().get(server).base}/cashless/tills/${posId}/taps`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ at: new Date().toISOString(), ...body }),
      }).then(async (r) => ({ status: r.status, data: await r.json() }))

    const onA = await openSse(`${c().get("server-a").base}/admin/cashless/tills/${posId}/taps/stream`, { authorization: `Bearer ${a.token}` })
    const onB = await openSse(`${c().get("server-b").base}/admin/cashless/tills/${posId}/taps/stream`, { authorization: `Bearer ${b.token}` })
    streams.push(onA, onB)
    expect([onA.status, onB.status]).toEqual([200, 200])
    await Promise.all([onA.next((e) => e.event === "devices"), onB.next((e) => e.event === "devices")])

    const tapId = randomUUID()
    // One subscriber connection per server process with a page of this point of sale open.
    expect(await tap("server-a", { tap_id: tapId, uid: "04a1b2c3d4e5f6" })).toEqual({ status: 202, data: { delivered: 2 } })
    for (const page of [onA, onB]) {
      const got = await page.next((e) => e.event === "tap" && e.data.tap_id === tapId)
      expect(got.data).toMatchObject({ type: "tap", uid: "04A1B2C3D4E5F6", tap_id: tapId, device_name: "Stage reader" })
    }
    // The reader retries through the other server: claimed already, delivered to nobody.
    expect(await tap("server-b", { tap_id: tapId, uid: "04a1b2c3d4e5f6" })).toEqual({ status: 202, data: { delivered: 0, duplicate: true } })
    // A later tap, seen by both pages after the retry would have been: the first tap is there once.
    const after = randomUUID()
    expect(await tap("server-b", { tap_id: after, uid: "04:d5:e6:f7" })).toMatchObject({ status: 202, data: { delivered: 2 } })
    for (const page of [onA, onB]) {
      await page.next((e) => e.event === "tap" && e.data.tap_id === after)
      expect(page.events.filter((e) => e.event === "tap").map((e) => [e.data.tap_id, e.data.uid])).toEqual([
        [tapId, "04A1B2C3D4E5F6"],
        [after, "04D5E6F7"],
      ])
    }
    figures.taps = { posted: 3, delivered_per_page: 2, duplicates_delivered: 0 }
  })
})
