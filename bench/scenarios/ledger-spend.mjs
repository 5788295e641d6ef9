// Wallet spends through the admin API: many distinct wallets (no lock contention) and one hot
// wallet (every spend waits for the previous one's row lock), each at several concurrencies.
//
//   BENCH_LEDGER_WALLETS      distinct wallets (default 10000)
//   BENCH_LEDGER_CONCURRENCY  comma-separated concurrencies (default "1,16,64")
//
// Wallets are created and credited once, then reused: their ids are kept per BENCH_URL in
// bench/results/ledger-spend-wallets.json and checked on start (a fresh database means new ones).
import { randomBytes } from "node:crypto"
import { mkdir, readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { adminApi, expectOk, mapLimit } from "../lib/admin.mjs"
import { positiveInts } from "../lib/env.mjs"
import { printHeader } from "../lib/load.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))

const WALLETS = positiveInts("BENCH_LEDGER_WALLETS", [10_000])[0]
const CONCURRENCY = positiveInts("BENCH_LEDGER_CONCURRENCY", [1, 16, 64])

/** One spend, in cents. */
const AMOUNT = 100
/** Largest amount of one credit (the ledger's per-operation maximum). */
const MAX_CREDIT = 100_000_000
/**
 * Spends per second the funds must cover: about 8 times the no-op workflow floor measured on
 * the 2-core reference machine, so that no spend is refused for lack of money on a faster one.
 */
const GENEROUS_RATE = 5_000
/** Setup top-ups bring a wallet to this many times what one full run needs, so most runs skip them. */
const HEADROOM = 20
/** Unreported warm-up of the spend path before the first measured row, in seconds. */
const WARMUP_S = 2
/** Setup requests in flight. */
const SETUP_PARALLELISM = 32
const POINT_OF_SALE = "bench:ledger-spend"

export const description =
  `wallet spends (POST /admin/cashless/wallets/:id/spend, ${AMOUNT} cents each) over ${WALLETS} distinct wallets ` +
  `and one hot wallet, at concurrency ${CONCURRENCY.join(", ")}`

const stateFile = () =>
  path.join(path.resolve(process.env.BENCH_RESULTS_DIR || path.join(here, "../results")), "ledger-spend-wallets.json")

async function readState() {
  try {
    return JSON.parse(await readFile(stateFile(), "utf8"))
  } catch {
    return {}
  }
}

async function writeState(state) {
  await mkdir(path.dirname(stateFile()), { recursive: true })
  await writeFile(stateFile(), JSON.stringify(state, null, 2) + "\n")
}

const eurBalance = (wallet) =>
  (wallet?.balances ?? []).filter((b) => b.currency_code === "eur").reduce((sum, b) => sum + b.balance, 0)

const HOT_LABEL = "bench ledger-spend: hot wallet"
const DISTINCT_LABEL = "bench ledger-spend: distinct wallet"

/** Every wallet whose label contains `label`, with its euro balance, 200 per page. */
async function listByLabel(api, label) {
  const page = async (offset) =>
    expectOk(
      "GET /admin/cashless/wallets",
      await api("GET", `/admin/cashless/wallets?q=${encodeURIComponent(label)}&limit=200&offset=${offset}`)
    )
  const first = await page(0)
  const offsets = []
  for (let o = first.wallets.length; o < first.count; o += 200) offsets.push(o)
  const rest = await mapLimit(offsets, 4, page, offsets.length > 4 ? "listing wallets (pages of 200)" : undefined)
  return [first, ...rest].flatMap((p) => p.wallets).map((w) => ({ id: w.id, balance: eurBalance(w) }))
}

/**
 * The remembered wallets that still exist, by id, with their euro balance. The bench wallets
 * are listed by label (a few requests instead of one per wallet); any remembered id the listing
 * did not show is asked for by GET /admin/cashless/wallets/:id (404: gone).
 */
async function checkWallets(api, ids) {
  const found = new Map()
  if (!ids.length) return found
  const get = async (id) => {
    const res = await api("GET", `/admin/cashless/wallets/${id}`)
    if (res.status === 404) return null
    return { id, balance: eurBalance(expectOk(`GET wallet ${id}`, res).wallet) }
  }
  // A fresh database: the first few are gone, so the rest are too.
  const sample = ids.slice(0, 8)
  const sampled = await Promise.all(sample.map(get))
  if (sampled.every((w) => w === null)) return found
  sampled.filter(Boolean).forEach((w) => found.set(w.id, w))
  const wanted = new Set(ids)
  for (const label of [HOT_LABEL, DISTINCT_LABEL]) {
    for (const w of await listByLabel(api, label)) if (wanted.has(w.id)) found.set(w.id, w)
  }
  const unseen = ids.slice(sample.length).filter((id) => !found.has(id))
  for (const w of await mapLimit(unseen, SETUP_PARALLELISM, get, "checking wallets")) if (w) found.set(w.id, w)
  return found
}

async function createWallets(api, count, label, progress) {
  return mapLimit(
    Array.from({ length: count }),
    SETUP_PARALLELISM,
    async () => {
      const { wallet } = expectOk("POST /admin/cashless/wallets", await api("POST", "/admin/cashless/wallets", { label }))
      return { id: wallet.id, balance: eurBalance(wallet) }
    },
    progress
  )
}

/** Credits (in chunks of at most MAX_CREDIT) every wallet whose balance is below `need` up to `target`. */
async function topUp(api, wallets, need, target, runId, label) {
  const low = wallets.filter((w) => w.balance < need)
  if (!low.length) return 0
  await mapLimit(
    low,
    SETUP_PARALLELISM,
    async (w) => {
      for (let chunk = 0; w.balance < target; chunk++) {
        const amount = Math.min(MAX_CREDIT, target - w.balance)
        const res = await api("POST", `/admin/cashless/wallets/${w.id}/credit`, {
          amount,
          source: "online_payments",
          idempotency_key: `bench-credit-${runId}-${w.id}-${chunk}`,
        })
        expectOk(`credit wallet ${w.id}`, res)
        w.balance += amount
      }
    },
    label
  )
  return low.length
}

async function setup(api, target, duration, runId) {
  const state = await readState()
  const saved = state[target.baseUrl] ?? {}
  const savedIds = [saved.hot, ...(saved.distinct ?? [])].filter(Boolean)
  if (savedIds.length) console.log(`  ${savedIds.length} wallets remembered for ${target.baseUrl}: checking them`)
  const found = await checkWallets(api, savedIds)
  let hot = saved.hot ? found.get(saved.hot) : undefined
  const distinct = (saved.distinct ?? []).map((id) => found.get(id)).filter(Boolean)
  const missing = savedIds.length - found.size
  if (savedIds.length) console.log(`  ${found.size} still exist${missing ? `, ${missing} gone (new database?)` : ""}`)

  const save = () =>
    writeState({
      ...state,
      [target.baseUrl]: { hot: hot?.id, distinct: distinct.map((w) => w.id), updated_at: new Date().toISOString() },
    })
  try {
    if (!hot) [hot] = await createWallets(api, 1, HOT_LABEL, "creating the hot wallet")
    if (distinct.length < WALLETS) {
      distinct.push(...(await createWallets(api, WALLETS - distinct.length, DISTINCT_LABEL, "creating wallets")))
    }
  } finally {
    await save()
  }
  const used = distinct.slice(0, WALLETS)

  // Money for every measured second at GENEROUS_RATE, plus the warm-up and the probes.
  const measured = duration * CONCURRENCY.length
  const perWallet = (Math.ceil((GENEROUS_RATE * (measured + WARMUP_S)) / used.length) + 2) * AMOUNT
  const hotNeed = (GENEROUS_RATE * measured + 2) * AMOUNT
  const creditedHot = await topUp(api, [hot], hotNeed, hotNeed * HEADROOM, runId, "crediting the hot wallet")
  const creditedDistinct = await topUp(api, used, perWallet, perWallet * HEADROOM, runId, "crediting wallets")
  console.log(
    `  funds: each distinct wallet ≥ ${perWallet} cents (${creditedDistinct} topped up), ` +
      `hot wallet ≥ ${hotNeed} cents (${creditedHot ? "topped up" : "enough"})`
  )
  return { hot, distinct: used }
}

export async function run({ target, auth, duration, load }) {
  const api = adminApi(target, auth)
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`
  const prefix = new URL(target.baseUrl).pathname.replace(/\/$/, "")
  console.log(`ledger-spend setup (${WALLETS} distinct wallets + 1 hot wallet, ${SETUP_PARALLELISM} requests in flight):`)
  const { hot, distinct } = await setup(api, target, duration, runId)

  let seq = 0
  const spendBody = () =>
    JSON.stringify({ amount: AMOUNT, currency_code: "eur", point_of_sale: POINT_OF_SALE, idempotency_key: `bench-spend-${runId}-${++seq}` })
  const spendPath = (id) => `/admin/cashless/wallets/${id}/spend`
  let cursor = 0
  const cases = {
    distinct: { wallets: distinct.length, next: () => distinct[cursor++ % distinct.length].id },
    hot: { wallets: 1, next: () => hot.id },
  }

  // One spend per case first: a wrong body or route fails here with its message, not as 6 rows of errors.
  for (const [name, c] of Object.entries(cases)) {
    const res = await api("POST", spendPath(c.next()), JSON.parse(spendBody()))
    expectOk(`probe spend (${name})`, res)
  }

  const headers = { ...auth, "content-type": "application/json" }
  const measure = (name, concurrency, seconds) => {
    const c = cases[name]
    const title = name === "hot" ? `spend: 1 hot wallet, c ${concurrency}` : `spend: ${c.wallets} wallets, c ${concurrency}`
    return load({
      title,
      url: `${target.baseUrl}/admin/cashless/wallets/${name === "hot" ? hot.id : ":id"}/spend`,
      method: "POST",
      headers,
      body: spendBody(),
      connections: concurrency,
      duration: seconds,
      setupRequest: (req) => {
        req.path = prefix + spendPath(c.next())
        req.body = spendBody()
        return req
      },
    })
  }

  console.log(`  warming up (${WARMUP_S} s, distinct wallets, c 16, not reported)`)
  await measure("distinct", 16, WARMUP_S)

  const rows = []
  for (const name of ["distinct", "hot"]) {
    for (const concurrency of CONCURRENCY) {
      console.log(`  measuring ${name}, c ${concurrency} (${duration} s)`)
      const row = await measure(name, concurrency, duration)
      const ok = row.requests - row.non_2xx
      rows.push({
        ...row,
        case: name,
        concurrency,
        wallets: cases[name].wallets,
        amount_cents: AMOUNT,
        spends: ok,
        spends_per_s: row.requests ? Math.round(row.req_per_s * (ok / row.requests) * 100) / 100 : 0,
      })
    }
  }

  for (const r of rows) {
    const refused = r.statuses["400"] ?? 0
    const busy = r.statuses["409"] ?? 0
    const other = r.non_2xx - refused - busy
    if (refused) {
      console.log(`  WARNING ${r.title}: ${refused} spends refused (400, insufficient funds?): setup credited too little`)
    }
    if (busy) console.log(`  note ${r.title}: ${busy} answered 409 (wallet busy: waited longer than the lock timeout)`)
    if (other > 0) console.log(`  WARNING ${r.title}: ${other} other non-2xx answers ${JSON.stringify(r.statuses)}`)
    if (r.errors || r.timeouts) console.log(`  WARNING ${r.title}: ${r.errors} connection errors, ${r.timeouts} timeouts`)
  }
  console.log("")
  printHeader()
  return rows
}
