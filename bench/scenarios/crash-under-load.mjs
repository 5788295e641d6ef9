// Crash under load: tap-to-pay sales with idempotency keys while the shop's server is killed
// with SIGKILL at random moments, restarted, and every unanswered request retried with the same
// key and body until answered; then the checks that no cent was created or lost.
//
// It owns its server: a database on the system PostgreSQL (or DATABASE_URL), migrated, an admin
// user, and `medusa start` in apps/shop as a child process group that can be killed whole. Only
// Medusa dies: PostgreSQL keeps what was committed, as after a power cut of the app server.
//
//   BENCH_CRASH_KILLS              kills (default 3)
//   BENCH_CRASH_SALES              sales, one idempotency key each (default 300)
//   BENCH_CRASH_CONCURRENCY        requests in flight (default 8)
//   BENCH_CRASH_CARDS              cards the sales rotate over (default 24)
//   BENCH_CRASH_SEED               seed of the kill moments (default: random, printed)
//   BENCH_CRASH_PROJECTION_WAIT    seconds the order projection has to catch up after the load (all answered, the last restart behind) (default 300)
//   BENCH_CRASH_PG_URL             PostgreSQL server for a fresh database (default postgres://postgres@localhost:5432)
//   DATABASE_URL                   use this database instead (created if missing, never dropped)
//   BENCH_CRASH_KEEP_DB=true       keep the fresh database for a look afterwards
//   BENCH_CRASH_SERVER_LOGS=true   show the server's own output (else in bench/results/crash-under-load-<timestamp>-server.log)
//   BENCH_CRASH_LOG_LEVEL          the server's LOG_LEVEL (default info)
//
// Figures: printed, and written to bench/results/crash-under-load-<timestamp>.json (BENCH_RESULTS_DIR).
// Exit code 1 when any check finds a discrepancy.
import { randomBytes } from "node:crypto"
import { closeSync, openSync } from "node:fs"
import { mkdir, writeFile } from "node:fs/promises"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { ensureDatabase, withClient } from "../../apps/shop/scripts/lib/database.mjs"
import { freePort } from "../../tools/embedded-postgres.mjs"
import { killServer, startServer, stopServer, waitForHealth } from "../../apps/shop/scripts/lib/server.mjs"
import { run as runCommand } from "../../apps/shop/scripts/lib/steps.mjs"
import { adminApi, expectOk, mapLimit } from "../lib/admin.mjs"
import { positiveInts } from "../lib/env.mjs"
import { login } from "../lib/target.mjs"
import { ensureCatalog, ensureTill, importCards, PRICE_CEILING_CENTS, uidOf } from "./tap-to-pay.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const appDir = path.resolve(here, "../../apps/shop")
const medusaCli = createRequire(path.join(appDir, "package.json")).resolve("@medusajs/cli/cli.js")

const KILLS = positiveInts("BENCH_CRASH_KILLS", [3])[0]
const SALES = positiveInts("BENCH_CRASH_SALES", [300])[0]
const CONCURRENCY = positiveInts("BENCH_CRASH_CONCURRENCY", [8])[0]
const CARDS = positiveInts("BENCH_CRASH_CARDS", [24])[0]
const SEED = positiveInts("BENCH_CRASH_SEED", [1 + (randomBytes(4).readUInt32BE() % 2_000_000_000)])[0]
const PROJECTION_WAIT_S = positiveInts("BENCH_CRASH_PROJECTION_WAIT", [300])[0]
const SERVER_LOGS = process.env.BENCH_CRASH_SERVER_LOGS === "true"
/** A boot of `medusa start` on a busy two-core machine. */
const BOOT_TIMEOUT_MS = 240_000
/** A request with no answer by then counts as unanswered and is retried (same key, same body). */
const REQUEST_TIMEOUT_MS = 60_000
/** Answers that mean "not done, try again" (a wallet lock waited too long, a server still warming up). */
const RETRYABLE_STATUSES = new Set([409, 502, 503, 504])
const MAX_RETRYABLE_ANSWERS = 20

export const standalone = true
export const standaloneNote = "owns its server: a fresh database, `medusa start` as a child process, killed with SIGKILL"
export const description =
  `${SALES} tap-to-pay sales over ${CARDS} cards, ${CONCURRENCY} in flight, the server SIGKILLed ${KILLS} times ` +
  `at random moments (seed ${SEED}) and restarted, unanswered requests retried with their key; then the checks`

/** mulberry32: the kill moments follow from the seed, so a run can be repeated. */
function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Each kill comes when the n-th sale has been sent (n drawn between 5 % and 85 % of the sales,
 * so requests are still coming), after a further 0–250 ms, and only with requests in flight.
 */
function killPlan(random) {
  const lo = Math.max(1, Math.floor(SALES * 0.05))
  const hi = Math.max(lo + KILLS, Math.floor(SALES * 0.85))
  if (KILLS > SALES) throw new Error(`BENCH_CRASH_KILLS (${KILLS}) cannot exceed BENCH_CRASH_SALES (${SALES})`)
  const picks = new Set()
  while (picks.size < KILLS) picks.add(Math.min(SALES, lo + Math.floor(random() * (hi - lo + 1))))
  return [...picks].sort((a, b) => a - b).map((after_sent) => ({ after_sent, delay_ms: Math.floor(random() * 250) }))
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy(items, keyOf) {
  const map = new Map()
  for (const item of items) {
    const key = keyOf(item)
    if (!map.has(key)) map.set(key, [])
    map.get(key).push(item)
  }
  return map
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const seconds = (ms) => Math.round(ms / 100) / 10

/** The database: DATABASE_URL as given, or a fresh one on the system PostgreSQL, dropped at the end. */
function chooseDatabase(runId) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, fresh: false }
  const server = new URL(process.env.BENCH_CRASH_PG_URL || "postgres://postgres@localhost:5432/postgres")
  server.pathname = `/cashless_crash_${runId.replace(/[^a-z0-9]/g, "_")}`
  return { url: server.toString(), fresh: true }
}

async function dropDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  const maintenance = new URL(url)
  maintenance.pathname = "/postgres"
  await withClient(maintenance.toString(), (c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`))
}

/** The Medusa server as a child process group on one port, killed and started again on it. */
function serverControl({ port, env, logFd }) {
  const baseUrl = `http://localhost:${port}`
  let child = null
  let up = false
  let failure = null
  const upWaiters = []
  const boots = []
  return {
    baseUrl,
    get up() {
      return up
    },
    /** Resolves when the server answers again (immediately when it does). */
    whenUp: () => {
      if (failure) return Promise.reject(failure)
      return up ? Promise.resolve() : new Promise((resolve, reject) => upWaiters.push({ resolve, reject }))
    },
    /** The server will not come back (a restart failed): every sale waiting for it stops. */
    fail(err) {
      failure = err
      upWaiters.splice(0).forEach((w) => w.reject(err))
    },
    async start() {
      const started = Date.now()
      const stdio = SERVER_LOGS ? "inherit" : ["ignore", logFd, logFd]
      child = startServer({ cli: medusaCli, args: ["start"], cwd: appDir, env, stdio })
      // Said so that whoever runs this script can still end the group should the script itself be killed.
      console.log(`  server pid ${child.pid}`)
      await waitForHealth(`${baseUrl}/health`, child, BOOT_TIMEOUT_MS)
      boots.push(Date.now() - started)
      up = true
      upWaiters.splice(0).forEach((w) => w.resolve())
      return Date.now() - started
    },
    async kill() {
      up = false
      await killServer(child)
    },
    async stop() {
      up = false
      await stopServer(child)
    },
    boots,
  }
}

/**
 * One sale, sent until answered: an attempt that ends without an HTTP answer (the connection
 * reset by the kill, refused while the server is down, no answer in time) is sent again with
 * the same key and body once the server is up again.
 */
async function sellUntilAnswered(server, target, auth, sale, stats, inFlight) {
  const body = JSON.stringify(sale.body)
  let retryable = 0
  for (;;) {
    await server.whenUp()
    sale.attempts++
    stats.requests_sent++
    inFlight.add(sale)
    let res
    try {
      res = await fetch(`${server.baseUrl}${target}`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (err) {
      inFlight.delete(sale)
      sale.unanswered++
      stats.unanswered_attempts++
      sale.last_error = err.cause?.code ?? err.name ?? String(err)
      // Refused or reset: the kill, or the moment before the server is known to be down.
      await sleep(50)
      continue
    }
    const text = await res.text().catch(() => null)
    inFlight.delete(sale)
    if (text === null) {
      // Headers came, the body did not: the server died mid-answer.
      sale.unanswered++
      stats.unanswered_attempts++
      sale.last_error = "body cut"
      continue
    }
    let parsed = null
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = { message: text.slice(0, 200) }
    }
    stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1
    if (res.ok) {
      sale.status = res.status
      sale.sale_id = parsed?.sale?.id ?? null
      sale.total = parsed?.sale?.total ?? null
      return
    }
    if (RETRYABLE_STATUSES.has(res.status) && ++retryable <= MAX_RETRYABLE_ANSWERS) {
      await sleep(200 * retryable)
      continue
    }
    sale.status = res.status
    sale.error = parsed?.message ?? text.slice(0, 200)
    return
  }
}

/** What the database holds for the keys cut off by a kill, read while the server is down. */
async function stateOfKeys(databaseUrl, keys) {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query(
      `select k.key,
              exists(select 1 from cashless_sale s where s.idempotency_key = k.key) as sale,
              exists(select 1 from cashless_journal_entry e where e.idempotency_key = 'till-sale:' || k.key || ':0') as entry
         from unnest($1::text[]) as k(key)`,
      [keys]
    )
    const out = { none: 0, entry_only: 0, sale_only: 0, full: 0 }
    for (const r of rows) out[r.sale && r.entry ? "full" : r.sale ? "sale_only" : r.entry ? "entry_only" : "none"]++
    // Sales recorded whose Medusa order the kill interrupted or never started: the re-drive job's work.
    const { rows: waiting } = await c.query(`select count(*)::int as n from cashless_sale where order_id is null`)
    return { cut: out, unprojected_sales: waiting[0].n }
  })
}

async function prepareTill(api) {
  const { channel, variant } = await ensureCatalog(api)
  const { pos, session } = await ensureTill(api, channel)
  const uids = Array.from({ length: CARDS }, (_, i) => uidOf(i + 1))
  await importCards(api, uids)
  const perCard = Math.ceil(SALES / CARDS)
  // Twice what the sales can cost at the priciest VAT: a 402 wallet_short never ends a sale.
  const credit = 2 * perCard * PRICE_CEILING_CENTS
  const cards = await mapLimit(uids, 8, async (uid) => {
    const { card } = expectOk(`tap ${uid}`, await api("POST", "/admin/cashless/card-taps", { uid }))
    expectOk(
      `credit ${uid}`,
      await api("POST", `/admin/cashless/wallets/${card.wallet_id}/credit`, {
        amount: credit,
        asset_code: "EUR",
        source: "cash_drawer",
        idempotency_key: `crash-credit-${card.wallet_id}`,
      })
    )
    return { uid, wallet_id: card.wallet_id, credit }
  })
  return { pos, session, variant, cards }
}

/** Every check on the database after the last restart; each disagreement is one line in `discrepancies`. */
async function checkAll({ databaseUrl, api, pos, sales, cards }) {
  const discrepancies = []
  const add = (line) => discrepancies.push(line)
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const { rows: saleRows } = await db.query(
      `select id, idempotency_key, total::bigint as total, tenders, card_id, order_id, status from cashless_sale where point_of_sale_id = $1`,
      [pos.id]
    )
    const { rows: entryRows } = await db.query(
      `select e.id, e.idempotency_key, e.kind, e.external_ref,
              (select -coalesce(sum(p.amount), 0) from cashless_posting p join cashless_account a on a.id = p.account_id
                where p.entry_id = e.id and a.wallet_id is not null)::bigint as wallet_amount,
              (select a.wallet_id from cashless_posting p join cashless_account a on a.id = p.account_id
                where p.entry_id = e.id and a.wallet_id is not null limit 1) as wallet_id,
              exists(select 1 from cashless_journal_entry r where r.reverses_id = e.id) as reversed
         from cashless_journal_entry e where e.idempotency_key like 'till-sale:%'`
    )
    const salesByKey = groupBy(saleRows, (r) => r.idempotency_key)
    const entriesByKey = groupBy(entryRows, (r) => r.idempotency_key.replace(/^till-sale:/, "").replace(/:\d+$/, ""))
    const ours = new Set(sales.map((s) => s.key))
    for (const key of salesByKey.keys()) if (!ours.has(key)) add(`a sale with key ${key} that this run never sent`)
    for (const key of entriesByKey.keys()) if (!ours.has(key)) add(`a till ledger entry for key ${key} that this run never sent`)

    let full = 0
    let none = 0
    const walletSpent = new Map()
    for (const sale of sales) {
      const rows = salesByKey.get(sale.key) ?? []
      const entries = entriesByKey.get(sale.key) ?? []
      const acknowledged = sale.status >= 200 && sale.status < 300
      if (rows.length > 1) add(`${sale.key}: ${rows.length} sale rows`)
      if (entries.length > 1) add(`${sale.key}: ${entries.length} ledger entries`)
      const [row] = rows
      const [entry] = entries
      if (!row && !entry) {
        none++
        if (acknowledged) add(`${sale.key}: acknowledged (${sale.status}) but no sale and no ledger entry`)
        continue
      }
      if (!row || !entry) {
        add(`${sale.key}: half-applied (${row ? "a sale row without its ledger entry" : "a ledger entry without its sale row"})`)
        continue
      }
      full++
      const total = Number(row.total)
      if (entry.reversed) add(`${sale.key}: its ledger entry ${entry.id} was reversed but the sale ${row.id} stands`)
      if (entry.kind !== "spend") add(`${sale.key}: ledger entry of kind ${entry.kind}`)
      if (Number(entry.wallet_amount) !== total) add(`${sale.key}: the wallet paid ${entry.wallet_amount} for a sale of ${total}`)
      if (entry.external_ref !== `sale:${row.id}`) add(`${sale.key}: ledger entry refers to ${entry.external_ref}, not sale:${row.id}`)
      if (row.tenders?.[0]?.entry_id !== entry.id) add(`${sale.key}: the sale's tender names entry ${row.tenders?.[0]?.entry_id}, not ${entry.id}`)
      if (row.status !== "completed") add(`${sale.key}: sale ${row.status}`)
      if (acknowledged && (sale.sale_id !== row.id || Number(sale.total) !== total)) {
        add(`${sale.key}: acknowledged as ${sale.sale_id} (${sale.total}) but stored as ${row.id} (${total})`)
      }
      if (!acknowledged) add(`${sale.key}: stored in full but answered ${sale.status ?? "never"}${sale.error ? ` (${sale.error})` : ""}`)
      walletSpent.set(entry.wallet_id, (walletSpent.get(entry.wallet_id) ?? 0) + total)
    }
    for (const sale of sales) {
      if (sale.status && (sale.status < 200 || sale.status >= 300)) add(`${sale.key}: answered ${sale.status}: ${sale.error}`)
    }

    // Balances as the API gives them: what was credited less what the sales that exist took.
    const balances = await mapLimit(cards, 8, async (c) => {
      const { wallet } = expectOk(`GET wallet ${c.wallet_id}`, await api("GET", `/admin/cashless/wallets/${c.wallet_id}`))
      return (wallet.balances ?? []).find((b) => b.asset_code === "EUR")?.balance ?? 0
    })
    let balanceMismatches = 0
    cards.forEach((c, i) => {
      const expected = c.credit - (walletSpent.get(c.wallet_id) ?? 0)
      if (balances[i] !== expected) {
        balanceMismatches++
        add(`card ${c.uid}: balance ${balances[i]}, expected ${c.credit} credited − ${walletSpent.get(c.wallet_id) ?? 0} sold = ${expected}`)
      }
    })

    const verify = expectOk("POST /admin/cashless/ledger/verify", await api("POST", "/admin/cashless/ledger/verify", {}))
    const report = verify.report ?? verify
    if (report.ok !== true) add(`ledger verify: ${report.issues?.length ?? "?"} issues, first ${JSON.stringify(report.issues?.slice(0, 3))}`)

    return {
      discrepancies,
      figures: {
        sales_stored: saleRows.length,
        keys_full: full,
        keys_without_trace: none,
        ledger_entries: entryRows.length,
        cards_checked: cards.length,
        balance_mismatches: balanceMismatches,
        ledger_verify: { ok: report.ok, checked: report.checked, issues: report.issues?.length ?? null },
      },
    }
  } finally {
    await db.end()
  }
}

/**
 * The order projection after the last restart: every sale gets its Medusa order (the subscriber's
 * events died with the killed processes; the re-drive job picks those sales up), exactly one each,
 * paid once per tender.
 */
async function checkProjection(databaseUrl, posId, since) {
  const discrepancies = []
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const waiting = async () =>
      (await db.query(`select count(*)::int as n from cashless_sale where point_of_sale_id = $1 and order_id is null`, [posId])).rows[0].n
    const atStart = await waiting()
    let left = atStart
    const deadline = since + PROJECTION_WAIT_S * 1000
    let lastShown = Date.now()
    while (left > 0 && Date.now() < deadline) {
      await sleep(1000)
      left = await waiting()
      if (Date.now() - lastShown > 15_000) {
        console.log(`  projection: ${left} sales still without an order (${seconds(Date.now() - since)} s after the load)`)
        lastShown = Date.now()
      }
    }
    const caughtUpS = left === 0 ? seconds(Date.now() - since) : null
    if (left > 0) discrepancies.push(`projection: ${left} sales still without an order ${PROJECTION_WAIT_S} s after the load (BENCH_CRASH_PROJECTION_WAIT)`)
    const { rows } = await db.query(
      `select s.id, s.order_id, s.total::bigint as total,
              (select count(*)::int from "order" o where o.metadata->>'cashless_sale_id' = s.id and o.deleted_at is null) as orders,
              exists(select 1 from "order" o where o.id = s.order_id and o.deleted_at is null) as order_exists,
              (select coalesce(round(sum(t.amount) * 100), 0)::bigint from order_transaction t
                where t.order_id = s.order_id and t.deleted_at is null) as paid
         from cashless_sale s where s.point_of_sale_id = $1 and s.order_id is not null`,
      [posId]
    )
    for (const r of rows) {
      if (!r.order_exists) discrepancies.push(`sale ${r.id}: order ${r.order_id} does not exist`)
      if (r.orders !== 1) discrepancies.push(`sale ${r.id}: ${r.orders} orders`)
      if (Number(r.paid) !== Number(r.total)) discrepancies.push(`sale ${r.id}: order ${r.order_id} paid ${r.paid} for a total of ${r.total}`)
    }
    return { discrepancies, figures: { waiting_at_load_end: atStart, caught_up_s: caughtUpS, projected: rows.length } }
  } finally {
    await db.end()
  }
}

export async function run() {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`
  const startedAt = Date.now()
  const database = chooseDatabase(runId)
  const port = await freePort()
  const email = `crash-${runId}@bench.local`
  const password = randomBytes(12).toString("hex")
  const env = { ...process.env }
  // One server with its in-memory event bus, workflow engine and locking: what dies with it is the point.
  for (const key of ["REDIS_URL", "NODE_OPTIONS", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"]) delete env[key]
  Object.assign(env, {
    DATABASE_URL: database.url,
    PORT: String(port),
    NODE_ENV: "production",
    MEDUSA_ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECURE: "false",
    LOG_LEVEL: process.env.BENCH_CRASH_LOG_LEVEL || "info",
  })
  const resultsDir = path.resolve(process.env.BENCH_RESULTS_DIR || path.join(here, "../results"))
  await mkdir(resultsDir, { recursive: true })
  // Every boot's output, one file per run: what a failed check needs to be understood.
  const serverLog = path.join(resultsDir, `crash-under-load-${new Date(startedAt).toISOString().replace(/[:.]/g, "-")}-server.log`)
  const logFd = openSync(serverLog, "a")
  const server = serverControl({ port, env, logFd })
  const random = prng(SEED)
  const plan = killPlan(random)
  console.log(`crash-under-load: seed ${SEED}, ${SALES} sales, ${CONCURRENCY} in flight, ${CARDS} cards, ${KILLS} kills`)
  console.log(`  kills after sale n° ${plan.map((k) => `${k.after_sent}+${k.delay_ms}ms`).join(", ")}`)
  console.log(`  server output: ${SERVER_LOGS ? "shown" : serverLog}`)
  console.log(`  database ${database.url.replace(/:[^:@/]*@/, ":***@")}${database.fresh ? " (fresh, dropped at the end)" : ""}, port ${port}`)

  const cleanup = async () => {
    await server.stop().catch(() => {})
    try {
      closeSync(logFd)
    } catch {
      // closed by the first of a signal and the end of the run
    }
    if (database.fresh && process.env.BENCH_CRASH_KEEP_DB !== "true") await dropDatabase(database.url).catch(() => {})
  }
  const onSignal = () => cleanup().finally(() => process.exit(130))
  process.once("SIGINT", onSignal)
  process.once("SIGTERM", onSignal)

  try {
    const setupStarted = Date.now()
    console.log(`  ${await ensureDatabase(database.url)}`)
    await runCommand(process.execPath, [medusaCli, "db:migrate"], { cwd: appDir, env })
    console.log(`  migrated (${seconds(Date.now() - setupStarted)} s)`)
    await runCommand(process.execPath, [medusaCli, "user", "-e", email, "-p", password], { cwd: appDir, env })
    const firstBoot = await server.start()
    console.log(`  server up (medusa start, ${seconds(firstBoot)} s)`)
    const auth = await login({ baseUrl: server.baseUrl, email, password })
    const api = adminApi({ baseUrl: server.baseUrl }, auth)
    const { pos, variant, cards } = await prepareTill(api)
    const setupS = seconds(Date.now() - setupStarted)
    console.log(`  till ready: point of sale ${pos.id}, ${cards.length} cards credited (setup ${setupS} s)`)

    const salePath = `/admin/cashless/tills/${pos.id}/sales`
    const sales = Array.from({ length: SALES }, (_, i) => {
      const key = `crash-${runId}-${i + 1}`
      return {
        key,
        body: { idempotency_key: key, card_uid: cards[i % cards.length].uid, lines: [{ variant_id: variant.id, quantity: 1 }] },
        attempts: 0,
        unanswered: 0,
        status: null,
      }
    })
    const stats = { requests_sent: 0, unanswered_attempts: 0, statuses: {} }
    const inFlight = new Set()
    let sent = 0
    const kills = []
    const loadStarted = Date.now()

    const killer = (async () => {
      for (const [i, k] of plan.entries()) {
        while (sent < k.after_sent || !server.up) await sleep(2)
        await sleep(k.delay_ms)
        // A kill with nothing in flight proves nothing: wait (a little) for a request on the wire.
        const waitUntil = Date.now() + 5_000
        while (inFlight.size === 0 && Date.now() < waitUntil) await sleep(1)
        const cut = [...inFlight].map((s) => s.key)
        const moment = {
          n: i + 1,
          at_s: seconds(Date.now() - loadStarted),
          after_sale_sent: sent,
          acknowledged_before: sales.filter((s) => s.status >= 200 && s.status < 300).length,
          in_flight: cut.length,
        }
        await server.kill()
        // What the kill left behind for the requests it cut, before any retry touches them.
        const left = await stateOfKeys(database.url, cut)
        moment.cut_requests_state = left.cut
        moment.unprojected_sales = left.unprojected_sales
        const restart = await server.start()
        moment.restart_s = seconds(restart)
        kills.push(moment)
        console.log(
          `  kill ${moment.n} at ${moment.at_s} s (sale ${moment.after_sale_sent} sent, ${moment.in_flight} in flight: ` +
            `${JSON.stringify(moment.cut_requests_state)}; ${moment.unprojected_sales} sales without their order), back up in ${moment.restart_s} s`
        )
      }
    })().catch((err) => {
      server.fail(err)
      throw err
    })
    // Awaited after the load; marked handled now so a failed restart is not an unhandled rejection meanwhile.
    killer.catch(() => {})

    await mapLimit(
      sales,
      CONCURRENCY,
      async (sale) => {
        sent++
        await sellUntilAnswered(server, salePath, auth, sale, stats, inFlight)
      },
      "sales"
    ).catch(async (err) => {
      await killer.catch(() => {})
      throw err
    })
    // The last kills may fall after the last sale was sent: the load waits for them.
    await killer
    // All answered and the last restart behind: from here the projection has a bounded time to catch up.
    const loadEndedAt = Date.now()
    const loadS = seconds(loadEndedAt - loadStarted)

    const acknowledged = sales.filter((s) => s.status >= 200 && s.status < 300)
    const retried = sales.filter((s) => s.unanswered > 0)
    const figures = {
      seed: SEED,
      sales: SALES,
      concurrency: CONCURRENCY,
      cards: CARDS,
      requests_sent: stats.requests_sent,
      acknowledged: acknowledged.length,
      acknowledged_first_try: acknowledged.filter((s) => s.attempts === 1).length,
      unanswered_then_retried: retried.length,
      unanswered_attempts: stats.unanswered_attempts,
      retried_found_done: retried.filter((s) => s.status === 200).length,
      retried_applied_on_retry: retried.filter((s) => s.status === 201).length,
      not_acknowledged: sales.length - acknowledged.length,
      statuses: stats.statuses,
      kills,
      kill_count: kills.length,
      server_boots_s: server.boots.map(seconds),
      setup_s: setupS,
      load_s: loadS,
    }
    console.log(
      `  load done in ${loadS} s: ${figures.requests_sent} requests, ${figures.acknowledged}/${SALES} acknowledged, ` +
        `${figures.unanswered_then_retried} unanswered then retried (${figures.retried_found_done} found done, ${figures.retried_applied_on_retry} applied on retry)`
    )

    console.log("  checking sales, ledger entries, balances, ledger verify…")
    const checks = await checkAll({ databaseUrl: database.url, api, pos, sales, cards })
    console.log(`  waiting for the order projection (up to ${PROJECTION_WAIT_S} s after the load)…`)
    const projection = await checkProjection(database.url, pos.id, loadEndedAt)
    const discrepancies = [...checks.discrepancies, ...projection.discrepancies]
    const report = {
      name: "crash-under-load",
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, node: process.version },
      ...figures,
      checks: checks.figures,
      projection: projection.figures,
      discrepancies: discrepancies.length,
      discrepancy_list: discrepancies.slice(0, 50),
      total_s: seconds(Date.now() - startedAt),
    }
    printFigures(report)
    await writeFigures(report)
    if (discrepancies.length) process.exitCode = 1
    return report
  } finally {
    process.off("SIGINT", onSignal)
    process.off("SIGTERM", onSignal)
    await cleanup()
  }
}

function printFigures(r) {
  const lines = [
    "",
    `requests sent              ${r.requests_sent}`,
    `sales acknowledged         ${r.acknowledged} of ${r.sales} (${r.acknowledged_first_try} at the first try)`,
    `unanswered, then retried   ${r.unanswered_then_retried} keys (${r.unanswered_attempts} unanswered attempts; ` +
      `${r.retried_found_done} were already done, ${r.retried_applied_on_retry} applied by the retry)`,
    `answers                    ${JSON.stringify(r.statuses)}`,
    `kills (SIGKILL)            ${r.kill_count}: ${r.kills.map((k) => `${k.at_s} s (${k.in_flight} in flight, ${k.unprojected_sales} unprojected)`).join(", ")}`,
    `server boots               ${r.server_boots_s.join(" s, ")} s`,
    `sales stored               ${r.checks.sales_stored}, ledger entries ${r.checks.ledger_entries}, keys in full ${r.checks.keys_full}, without trace ${r.checks.keys_without_trace}`,
    `balances                   ${r.checks.cards_checked} cards, ${r.checks.balance_mismatches} mismatches`,
    `ledger verify              ${r.checks.ledger_verify.ok ? "ok" : "FAILED"} (${JSON.stringify(r.checks.ledger_verify.checked)})`,
    `order projection           ${r.projection.projected} sales projected, ${r.projection.waiting_at_load_end} waiting at the end of the load, ` +
      `${r.projection.caught_up_s === null ? "did NOT catch up" : `caught up ${r.projection.caught_up_s} s after it`}`,
    `load ${r.load_s} s, total ${r.total_s} s`,
    ...r.discrepancy_list.map((d) => `  DISCREPANCY ${d}`),
    `discrepancies: ${r.discrepancies}`,
  ]
  console.log(lines.join("\n"))
}

async function writeFigures(report) {
  const dir = path.resolve(process.env.BENCH_RESULTS_DIR || path.join(here, "../results"))
  const file = path.join(dir, `crash-under-load-${report.at.replace(/[:.]/g, "-")}.json`)
  await writeFile(file, JSON.stringify(report, null, 2) + "\n")
  console.log(`figures written to ${file}`)
}
