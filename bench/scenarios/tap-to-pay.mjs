// Tap to pay at the till: POST /admin/cashless/tills/:pos_id/sales, one coffee per tap, over many
// cards (no two requests in flight on the same wallet) and on one hot card (every sale waits for
// the previous one's wallet lock), then how long the order projection takes to catch up.
//
//   BENCH_TAP_CARDS              distinct cards (default 10000)
//   BENCH_TAP_CONCURRENCY        comma-separated concurrencies over the distinct cards (default "1,16,64")
//   BENCH_TAP_HOT_CONCURRENCY    comma-separated concurrencies on the hot card (default "16")
//   BENCH_PROJECTION_WAIT        seconds to wait for the order projection to drain (default 60)
//   BENCH_APP_DATABASE_URL       the shop's database, to watch the projection (default: the pgbench
//                                server with the database CASHLESS_DB_NAME, or medusa_cashless)
//
// Setup goes through the admin API only, like a real till would be prepared, and is idempotent: the
// "Bench bar" sales channel, product and point of sale are found by name/handle, the cards by their
// UID prefix, so a second run on the same database creates nothing. The prepared cards are
// remembered per BENCH_URL in bench/results/tap-to-pay-cards.json.
import { createHash, randomBytes } from "node:crypto"
import { mkdir, readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { adminApi, expectOk, mapLimit } from "../lib/admin.mjs"
import { positiveInts } from "../lib/env.mjs"
import { printHeader } from "../lib/load.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))

const CARDS = positiveInts("BENCH_TAP_CARDS", [10_000])[0]
const CONCURRENCY = positiveInts("BENCH_TAP_CONCURRENCY", [1, 16, 64])
const HOT_CONCURRENCY = positiveInts("BENCH_TAP_HOT_CONCURRENCY", [16])
const PROJECTION_WAIT_S = positiveInts("BENCH_PROJECTION_WAIT", [60])[0]

const NAME = "Bench bar"
const PRODUCT_HANDLE = "bench-tap-to-pay-coffee"
/** The bench product's price tag in EUR (Medusa stores major units); one per sale. */
const PRICE_EUR = 1.5
/** The till adds VAT on top of a price stored without it: no European rate comes near 30 %. */
export const PRICE_CEILING_CENTS = Math.ceil(PRICE_EUR * 100 * 1.3)
/** Cards are 7-byte UIDs with this prefix, so they are found again by `q` and never clash with the demo's. */
const UID_PREFIX = "BE4C0B"
export const uidOf = (i) => `${UID_PREFIX}${i.toString(16).toUpperCase().padStart(8, "0")}`
const HOT_UID = `${UID_PREFIX}FFFFFFFF`
/** Largest amount of one credit (the ledger's per-operation maximum). */
const MAX_CREDIT = 100_000_000
/**
 * Sales per second the funds must cover: far above what one Node process does (the spend alone
 * tops out near 170/s on the 2-core reference machine), so a 402 wallet_short never ends a row.
 */
const GENEROUS_RATE = 5_000
/** Top-ups bring a card to this many times one run's need, so later runs credit nothing. */
const HEADROOM = 10
/** Unreported warm-up of the sale path before the first measured row, in seconds. */
const WARMUP_S = 2
const SETUP_PARALLELISM = 32

export const description =
  `tap to pay (POST /admin/cashless/tills/:pos_id/sales, one ${PRICE_EUR.toFixed(2)} EUR item) over ${CARDS} cards ` +
  `at concurrency ${CONCURRENCY.join(", ")}, and one hot card at ${HOT_CONCURRENCY.join(", ")}; then the order projection's drain`

const stateFile = () =>
  path.join(path.resolve(process.env.BENCH_RESULTS_DIR || path.join(here, "../results")), "tap-to-pay-cards.json")

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

const eurBalance = (balances) => (balances ?? []).filter((b) => b.currency_code === "eur").reduce((sum, b) => sum + b.balance, 0)

/** The "Bench bar" sales channel and its published product with a EUR price, created on the first run. */
export async function ensureCatalog(api) {
  const { sales_channels } = expectOk(
    "GET /admin/sales-channels",
    await api("GET", `/admin/sales-channels?q=${encodeURIComponent(NAME)}&limit=50`)
  )
  let channel = sales_channels.find((c) => c.name === NAME)
  if (!channel) {
    ;({ sales_channel: channel } = expectOk(
      "POST /admin/sales-channels",
      await api("POST", "/admin/sales-channels", { name: NAME, description: "bench/scenarios/tap-to-pay.mjs" })
    ))
    console.log(`  created the sales channel ${NAME} (${channel.id})`)
  }
  const fields = "id,handle,status,*variants,*variants.prices,*sales_channels"
  const { products } = expectOk(
    "GET /admin/products",
    await api("GET", `/admin/products?handle=${PRODUCT_HANDLE}&fields=${encodeURIComponent(fields)}`)
  )
  let product = products[0]
  if (!product) {
    ;({ product } = expectOk(
      "POST /admin/products",
      await api("POST", `/admin/products?fields=${encodeURIComponent(fields)}`, {
        title: "Bench coffee",
        handle: PRODUCT_HANDLE,
        status: "published",
        options: [{ title: "Size", values: ["Cup"] }],
        variants: [{ title: "Cup", options: { Size: "Cup" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: PRICE_EUR }] }],
        sales_channels: [{ id: channel.id }],
      })
    ))
    console.log(`  created the product Bench coffee (${product.id}), ${PRICE_EUR.toFixed(2)} EUR`)
  }
  // Someone may have unpublished it or taken it off the channel since: put it back rather than fail.
  if (product.status !== "published" || !(product.sales_channels ?? []).some((c) => c.id === channel.id)) {
    expectOk(
      "POST /admin/products/:id",
      await api("POST", `/admin/products/${product.id}`, {
        status: "published",
        sales_channels: [...(product.sales_channels ?? []).map((c) => ({ id: c.id })), { id: channel.id }],
      })
    )
  }
  const variant = product.variants.find((v) => (v.prices ?? []).some((p) => p.currency_code === "eur"))
  if (!variant) throw new Error(`the product ${PRODUCT_HANDLE} has no EUR price: fix it in the admin or delete it`)
  return { channel, variant }
}

/** The "Bench bar" point of sale on that channel, and its open session (opened when none is). */
export async function ensureTill(api, channel) {
  const { points_of_sale } = expectOk("GET /admin/cashless/points-of-sale", await api("GET", "/admin/cashless/points-of-sale"))
  let pos = points_of_sale.find((p) => p.name === NAME && !p.archived_at)
  if (!pos) {
    ;({ point_of_sale: pos } = expectOk(
      "POST /admin/cashless/points-of-sale",
      await api("POST", "/admin/cashless/points-of-sale", { name: NAME, sales_channel_id: channel.id, country_code: "fr", currency_code: "eur" })
    ))
    console.log(`  created the point of sale ${NAME} (${pos.id})`)
  } else if (pos.sales_channel_id !== channel.id || !(pos.tenders ?? []).includes("wallet")) {
    throw new Error(`the point of sale ${NAME} (${pos.id}) is not on the channel ${channel.id} or takes no wallet: archive it and run again`)
  }
  let { session } = expectOk("GET open session", await api("GET", `/admin/cashless/tills/${pos.id}/session`))
  if (!session) {
    ;({ session } = expectOk("open session", await api("POST", `/admin/cashless/tills/${pos.id}/sessions`, { opening_float: 0 })))
    console.log(`  opened a session (${session.id})`)
  }
  return { pos, session }
}

/** Every card whose UID carries the bench prefix, by UID, 200 per page. */
async function listBenchCards(api) {
  const page = async (offset) =>
    expectOk("GET /admin/cashless/cards", await api("GET", `/admin/cashless/cards?q=${UID_PREFIX}&limit=200&offset=${offset}`))
  const first = await page(0)
  const offsets = []
  for (let o = first.cards.length; o < first.count; o += 200) offsets.push(o)
  const rest = await mapLimit(offsets, 4, page, offsets.length > 4 ? "listing cards (pages of 200)" : undefined)
  const byUid = new Map()
  for (const c of [first, ...rest].flatMap((p) => p.cards)) {
    if (c.uid.startsWith(UID_PREFIX)) byUid.set(c.uid, { uid: c.uid, status: c.status, wallet_id: c.wallet_id, balance: eurBalance(c.balances) })
  }
  return byUid
}

/** Registers the missing cards through the CSV import and follows its progress. */
export async function importCards(api, uids) {
  const lines = uids.map((uid) => `${uid},${uid === HOT_UID ? "BENCH-TAP-HOT" : `BENCH-TAP-${parseInt(uid.slice(UID_PREFIX.length), 16)}`}`)
  const csv = `uid,printed_number\n${lines.join("\n")}\n`
  // The key follows from the file: an interrupted run that sends the same cards again gets the same import.
  const key = `bench-tap-to-pay:${createHash("sha256").update(csv).digest("hex").slice(0, 24)}`
  const started = Date.now()
  let { import: imp } = expectOk(
    "POST /admin/cashless/card-imports",
    await api("POST", "/admin/cashless/card-imports", { batch_name: "bench tap-to-pay", csv, idempotency_key: key })
  )
  let shown = -1
  while (imp.status === "running") {
    await new Promise((r) => setTimeout(r, 500))
    ;({ import: imp } = expectOk("GET /admin/cashless/card-imports/:id", await api("GET", `/admin/cashless/card-imports/${imp.id}`)))
    const tenth = Math.floor((10 * imp.processed_rows) / Math.max(1, imp.total_rows))
    if (tenth !== shown) {
      shown = tenth
      console.log(`  importing cards ${imp.processed_rows}/${imp.total_rows}`)
    }
  }
  if (imp.status !== "succeeded") throw new Error(`card import ${imp.id} ${imp.status}: ${imp.error ?? JSON.stringify(imp.problems?.slice(0, 3))}`)
  const seconds = (Date.now() - started) / 1000
  console.log(`  imported ${imp.imported_count} cards in ${seconds.toFixed(1)} s (${imp.skipped_count} skipped)`)
  if (imp.skipped_count) console.log(`  first skipped lines: ${JSON.stringify(imp.problems?.slice(0, 3))}`)
}

/** Credits (in chunks of at most MAX_CREDIT) every card below `need` up to `target`, in cash at the counter. */
async function topUp(api, cards, need, target, runId, label) {
  const low = cards.filter((c) => c.balance < need)
  if (!low.length) return 0
  await mapLimit(
    low,
    SETUP_PARALLELISM,
    async (c) => {
      for (let chunk = 0; c.balance < target; chunk++) {
        const amount = Math.min(MAX_CREDIT, target - c.balance)
        const res = await api("POST", `/admin/cashless/wallets/${c.wallet_id}/credit`, {
          amount,
          asset_code: "EUR",
          source: "cash_drawer",
          idempotency_key: `bench-tap-credit-${runId}-${c.wallet_id}-${chunk}`,
        })
        expectOk(`credit card ${c.uid}`, res)
        c.balance += amount
      }
    },
    label
  )
  return low.length
}

async function setup(api, target, duration, runId) {
  const started = Date.now()
  const { channel, variant } = await ensureCatalog(api)
  const { pos, session } = await ensureTill(api, channel)
  console.log(`  ${NAME}: point of sale ${pos.id}, session ${session.id}, variant ${variant.id}`)

  const state = await readState()
  const saved = state[target.baseUrl]
  const wanted = [HOT_UID, ...Array.from({ length: CARDS }, (_, i) => uidOf(i + 1))]
  if (saved?.cards?.length) console.log(`  ${saved.cards.length} cards remembered for ${target.baseUrl}: checking them`)
  let found = await listBenchCards(api)
  const missing = wanted.filter((uid) => !found.has(uid))
  if (missing.length) {
    if (saved?.cards?.length) console.log(`  ${missing.length} of them are gone or were never made (new database?)`)
    await importCards(api, missing)
    found = await listBenchCards(api)
  }
  const cards = wanted.map((uid) => found.get(uid))
  const absent = wanted.filter((uid, i) => !cards[i])
  if (absent.length) throw new Error(`${absent.length} bench cards are still not registered after the import (first ${absent[0]})`)
  const unusable = cards.filter((c) => c.status !== "new" && c.status !== "active")
  if (unusable.length) throw new Error(`${unusable.length} bench cards are ${unusable[0].status} (first ${unusable[0].uid}): unblock them`)

  // A card's wallet is created at its first tap, as at a real bar.
  const untapped = cards.filter((c) => !c.wallet_id)
  await mapLimit(
    untapped,
    SETUP_PARALLELISM,
    async (c) => {
      const { card } = expectOk(`tap ${c.uid}`, await api("POST", "/admin/cashless/card-taps", { uid: c.uid }))
      c.wallet_id = card.wallet_id
    },
    "first taps"
  )
  const save = () =>
    writeState({
      ...state,
      [target.baseUrl]: {
        point_of_sale_id: pos.id,
        variant_id: variant.id,
        cards: cards.map((c) => ({ uid: c.uid, wallet_id: c.wallet_id })),
        updated_at: new Date().toISOString(),
      },
    })
  await save()

  // Money for every measured second at GENEROUS_RATE (plus warm-up and probes), priced at the ceiling.
  const [hot, ...distinct] = cards
  const distinctSeconds = duration * CONCURRENCY.length + WARMUP_S
  const perCard = (Math.ceil((GENEROUS_RATE * distinctSeconds) / distinct.length) + 2) * PRICE_CEILING_CENTS
  const hotNeed = (GENEROUS_RATE * duration * HOT_CONCURRENCY.length + 2) * PRICE_CEILING_CENTS
  const creditedHot = await topUp(api, [hot], hotNeed, hotNeed * HEADROOM, runId, "crediting the hot card")
  const creditedDistinct = await topUp(api, distinct, perCard, perCard * HEADROOM, runId, "crediting cards")
  console.log(
    `  funds: each card ≥ ${perCard} cents (${creditedDistinct} topped up), hot card ≥ ${hotNeed} cents ` +
      `(${creditedHot ? "topped up" : "enough"})`
  )
  console.log(`  setup took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { pos, variant, hot, distinct }
}

/** The shop's own database on the pgbench floor's server, to watch cashless_sale. */
function appDatabaseUrl(target) {
  if (process.env.BENCH_APP_DATABASE_URL) return process.env.BENCH_APP_DATABASE_URL
  const url = new URL(target.databaseUrl)
  url.pathname = `/${process.env.CASHLESS_DB_NAME || "medusa_cashless"}`
  return url.toString()
}

/**
 * The order projection turns sales (cashless_sale.order_id null) into Medusa orders. It is
 * measured from the end of the load: how long until no sale of this run waits. Until it exists
 * nothing ever gets an order id, which the first seconds show, and no time is made up for it.
 */
async function watchProjection(target, posId, runId, loadEndedAt) {
  const client = new pg.Client({ connectionString: appDatabaseUrl(target) })
  try {
    await client.connect()
  } catch (err) {
    return { status: "unobservable", message: `projection: not observable (${err.message}; set BENCH_APP_DATABASE_URL)` }
  }
  try {
    const count = async () => {
      const { rows } = await client.query(
        `select count(*) filter (where order_id is null)::int as waiting, count(*) filter (where order_id is not null)::int as projected
           from cashless_sale where point_of_sale_id = $1 and idempotency_key like $2`,
        [posId, `bench-tap-${runId}-%`]
      )
      return rows[0]
    }
    const first = await count()
    let last = first
    // Requests autocannon abandoned at the end of a row still complete on the server: count at the last poll.
    const total = () => last.waiting + last.projected
    const deadline = loadEndedAt + PROJECTION_WAIT_S * 1000
    while (last.waiting > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250))
      last = await count()
      // Five seconds with no sale of the run ever projected: there is no projection to wait for.
      if (last.projected === 0 && Date.now() - loadEndedAt > 5_000) {
        return {
          status: "not_built",
          sales: total(),
          waiting: last.waiting,
          message: `projection: not built yet (${last.waiting} sales waiting)`,
        }
      }
    }
    if (last.waiting > 0) {
      return {
        status: "not_drained",
        sales: total(),
        waiting: last.waiting,
        message: `projection: ${last.waiting} of ${total()} sales still waiting after ${PROJECTION_WAIT_S} s (BENCH_PROJECTION_WAIT)`,
      }
    }
    const drainS = Math.round(Date.now() - loadEndedAt) / 1000
    return {
      status: "drained",
      sales: total(),
      waiting_at_load_end: first.waiting,
      drain_s: drainS,
      message: `projection: ${total()} sales projected, ${first.waiting} were waiting at the end of the load, drained ${drainS} s after it`,
    }
  } finally {
    await client.end()
  }
}

let projection = null

export async function run({ target, auth, duration, load }) {
  const api = adminApi(target, auth)
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`
  const prefix = new URL(target.baseUrl).pathname.replace(/\/$/, "")
  console.log(`tap-to-pay setup (${CARDS} cards + 1 hot card, ${SETUP_PARALLELISM} requests in flight):`)
  const { pos, variant, hot, distinct } = await setup(api, target, duration, runId)

  let seq = 0
  const salePath = `/admin/cashless/tills/${pos.id}/sales`
  const saleBody = (uid) =>
    JSON.stringify({ idempotency_key: `bench-tap-${runId}-${++seq}`, card_uid: uid, lines: [{ variant_id: variant.id, quantity: 1 }] })
  let cursor = 0
  const cases = {
    distinct: { cards: distinct.length, next: () => distinct[cursor++ % distinct.length].uid },
    hot: { cards: 1, next: () => hot.uid },
  }

  // One sale per case first: a wrong body, price or route fails here with its message, not as rows of errors.
  for (const [name, c] of Object.entries(cases)) {
    const { sale } = expectOk(`probe sale (${name})`, await api("POST", salePath, JSON.parse(saleBody(c.next()))))
    if (sale.total > PRICE_CEILING_CENTS) {
      throw new Error(`a sale costs ${sale.total} cents, above the ${PRICE_CEILING_CENTS} the funds were sized for`)
    }
    if (name === "hot") console.log(`  probe sale: ${sale.total} cents (VAT ${sale.tax_total}), receipt ok`)
  }

  const headers = { ...auth, "content-type": "application/json" }
  const measure = (name, concurrency, seconds) => {
    const c = cases[name]
    return load({
      title: name === "hot" ? `tap: 1 hot card, c ${concurrency}` : `tap: ${c.cards} cards, c ${concurrency}`,
      url: `${target.baseUrl}${salePath}`,
      method: "POST",
      headers,
      body: saleBody(hot.uid),
      connections: concurrency,
      duration: seconds,
      // Every request a new sale (fresh key), on the next card round-robin: never a replay.
      setupRequest: (req) => {
        req.path = prefix + salePath
        req.body = saleBody(c.next())
        return req
      },
    })
  }

  console.log(`  warming up (${WARMUP_S} s, distinct cards, c 16, not reported)`)
  await measure("distinct", 16, WARMUP_S)

  const rows = []
  const plan = [...CONCURRENCY.map((n) => ["distinct", n]), ...HOT_CONCURRENCY.map((n) => ["hot", n])]
  for (const [name, concurrency] of plan) {
    console.log(`  measuring ${name}, c ${concurrency} (${duration} s)`)
    const row = await measure(name, concurrency, duration)
    const ok = row.requests - row.non_2xx
    rows.push({
      ...row,
      case: name,
      concurrency,
      cards: cases[name].cards,
      sales: ok,
      sales_per_s: row.requests ? Math.round(row.req_per_s * (ok / row.requests) * 100) / 100 : 0,
    })
  }
  const loadEndedAt = Date.now()

  for (const r of rows) {
    const short = r.statuses["402"] ?? 0
    const busy = r.statuses["409"] ?? 0
    const other = r.non_2xx - short - busy
    if (short) console.log(`  WARNING ${r.title}: ${short} answered 402 wallet_short: a card ran dry, setup credited too little`)
    if (busy) console.log(`  note ${r.title}: ${busy} answered 409 (wallet busy: waited longer than the lock timeout)`)
    if (other > 0) console.log(`  WARNING ${r.title}: ${other} other non-2xx answers ${JSON.stringify(r.statuses)}`)
    if (r.errors || r.timeouts) console.log(`  WARNING ${r.title}: ${r.errors} connection errors, ${r.timeouts} timeouts`)
  }

  console.log(`  watching the order projection (up to ${PROJECTION_WAIT_S} s)…`)
  projection = await watchProjection(target, pos.id, runId, loadEndedAt)
  console.log(`  ${projection.message}`)
  console.log("")
  printHeader()
  return rows
}

/** A share in percent, with a decimal below 10 % where rounding would hide it. */
function pct(a, b) {
  if (!a || !b) return "–"
  const v = (100 * a) / b
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} %`
}

/** Each row against the floors of this run: throughput as a share of theirs, latency as a multiple of the no-op workflow's. */
export function summarize({ results, floors }) {
  const floor = (title) => floors.http.find((f) => f.title === title)
  const workflow = floor("floor: no-op workflow")
  const authNoop = floor("floor: authenticated plugin no-op")
  const pgTps = floors.pgbench?.tps
  console.log(`\nsales/s against the floors of this run (the floors ran at ${workflow?.connections} connections):`)
  console.log(
    ["what".padEnd(34), "sales/s".padStart(9), "÷ no-op wf".padStart(11), "÷ auth no-op".padStart(13), "÷ pgbench".padStart(10), "p50 × wf".padStart(9)].join(" ")
  )
  const ratios = results.map((r) => {
    const sameConcurrency = workflow && r.concurrency === workflow.connections
    const row = {
      title: r.title,
      sales_per_s: r.sales_per_s,
      of_noop_workflow: workflow ? r.sales_per_s / workflow.req_per_s : null,
      of_authenticated_noop: authNoop ? r.sales_per_s / authNoop.req_per_s : null,
      of_pgbench_tps: pgTps ? r.sales_per_s / pgTps : null,
      // Latencies compare only at the floors' concurrency: elsewhere the queue differs.
      p50_vs_noop_workflow: sameConcurrency ? r.p50_ms / workflow.p50_ms : null,
    }
    console.log(
      [
        r.title.padEnd(34),
        String(r.sales_per_s).padStart(9),
        pct(r.sales_per_s, workflow?.req_per_s).padStart(11),
        pct(r.sales_per_s, authNoop?.req_per_s).padStart(13),
        pct(r.sales_per_s, pgTps).padStart(10),
        (row.p50_vs_noop_workflow ? `${row.p50_vs_noop_workflow.toFixed(1)}×` : "–").padStart(9),
      ].join(" ")
    )
    return row
  })
  if (projection) console.log(projection.message)
  return { ratios, projection }
}
