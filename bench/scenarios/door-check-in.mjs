// The door: POST /admin/cashless/doors/:pos_id/check-ins with `{ event_id, secret, idempotency_key }`, a fresh
// key for every scan (never a replay). Three cases:
//   1. admissions: every request admits another valid ticket (200);
//   2. second scans: the tickets admitted in 1. scanned again (409 already_checked_in, the answer a door gives
//      to a photo of a used ticket): 409 is the expected status of these rows;
//   3. contention: N scans of one fresh ticket at once across two doors, R times: how many were admitted per
//      ticket (exactly 1, which the HTTP suite asserts; printed here, not asserted) and the latency spread.
//
//   BENCH_DOOR_TICKETS            valid tickets to have before measuring (default 2000); bought when missing
//   BENCH_DOOR_CONCURRENCY        comma-separated concurrencies of cases 1 and 2 (default "1,16")
//   BENCH_DOOR_CONTENTION_SCANS   N, scans of one ticket at once (default 16)
//   BENCH_DOOR_CONTENTION_ROUNDS  R, fresh tickets scanned that way (default 20)
//   BENCH_APP_DATABASE_URL        the shop's database, where the secrets are read (default: the pgbench
//                                 server with the database CASHLESS_DB_NAME, or medusa_cashless)
//
// Setup goes through the admin and store APIs only and is idempotent (found by name/handle): a "Bench doors"
// sales channel, region (EUR, system payment provider), publishable key and stock location, a "Bench gig"
// product with one variant and its event of large capacity, two points of sale "Bench door A/B"; the
// tickets are bought by a guest through Medusa's store checkout, 500 per order. The admin API never returns
// a ticket's secret, so the secrets are read from the shop's database, as a scanned QR would carry them.
import { randomBytes } from "node:crypto"
import pg from "pg"
import { adminApi, expectOk, mapLimit } from "../lib/admin.mjs"
import { positiveInts } from "../lib/env.mjs"
import { percentile, printHeader } from "../lib/load.mjs"

const TICKETS = positiveInts("BENCH_DOOR_TICKETS", [2000])[0]
const CONCURRENCY = positiveInts("BENCH_DOOR_CONCURRENCY", [1, 16])
const CONTENTION_SCANS = positiveInts("BENCH_DOOR_CONTENTION_SCANS", [16])[0]
const CONTENTION_ROUNDS = positiveInts("BENCH_DOOR_CONTENTION_ROUNDS", [20])[0]

const NAME = "Bench doors"
const PRODUCT_HANDLE = "bench-door-check-in-gig"
const DOORS = ["Bench door A", "Bench door B"]
/** The largest quantity of one cart line the shop accepts. */
const UNITS_PER_ORDER = 500
/** Far beyond what any number of runs buys: the event never sells out under the bench. */
const CAPACITY = 1_000_000
const PRICE_EUR = 10
/** Unreported warm-up (second scans of the probe ticket) before the first measured row, in seconds. */
const WARMUP_S = 2
/** Seconds to wait for the tickets of the orders just placed (issued asynchronously on capture). */
const ISSUE_WAIT_S = 180

export const description =
  `door check-in (POST /admin/cashless/doors/:pos_id/check-ins by QR secret): admissions and second scans at concurrency ` +
  `${CONCURRENCY.join(", ")} over ${TICKETS} tickets, then ${CONTENTION_SCANS} scans of one ticket at once at two doors, ${CONTENTION_ROUNDS} times`

/** Finds a row by name through a list route, or creates it; `list` answers the rows. */
async function findOrCreate(what, list, create) {
  const found = await list()
  if (found) return found
  const made = await create()
  console.log(`  created ${what} (${made.id})`)
  return made
}

async function ensureChannel(api) {
  return findOrCreate(
    `the sales channel ${NAME}`,
    async () =>
      expectOk("GET /admin/sales-channels", await api("GET", `/admin/sales-channels?q=${encodeURIComponent(NAME)}&limit=50`)).sales_channels.find(
        (c) => c.name === NAME
      ),
    async () =>
      expectOk("POST /admin/sales-channels", await api("POST", "/admin/sales-channels", { name: NAME, description: "bench/scenarios/door-check-in.mjs" }))
        .sales_channel
  )
}

async function ensureRegion(api) {
  const region = await findOrCreate(
    `the region ${NAME} (EUR)`,
    async () =>
      expectOk("GET /admin/regions", await api("GET", `/admin/regions?q=${encodeURIComponent(NAME)}&limit=50&fields=id,name,*payment_providers`)).regions.find(
        (r) => r.name === NAME
      ),
    async () =>
      expectOk("POST /admin/regions", await api("POST", "/admin/regions", { name: NAME, currency_code: "eur", payment_providers: ["pp_system_default"] }))
        .region
  )
  if (region.payment_providers && !region.payment_providers.some((p) => p.id === "pp_system_default")) {
    throw new Error(`the region ${NAME} (${region.id}) does not take pp_system_default: add it or delete the region`)
  }
  return region
}

/** The publishable key a storefront of the channel sends; its token is readable through the admin API. */
async function ensurePublishableKey(api, channel) {
  const key = await findOrCreate(
    `the publishable key ${NAME}`,
    async () =>
      expectOk("GET /admin/api-keys", await api("GET", `/admin/api-keys?type=publishable&q=${encodeURIComponent(NAME)}&limit=50`)).api_keys.find(
        (k) => k.title === NAME && !k.revoked_at
      ),
    async () => expectOk("POST /admin/api-keys", await api("POST", "/admin/api-keys", { title: NAME, type: "publishable" })).api_key
  )
  const { api_key } = expectOk("GET /admin/api-keys/:id", await api("GET", `/admin/api-keys/${key.id}?fields=id,token,*sales_channels`))
  if (!(api_key.sales_channels ?? []).some((c) => c.id === channel.id)) {
    expectOk("link key and channel", await api("POST", `/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] }))
  }
  return api_key.token
}

/** The stock location holding the event's capacity, linked to the channel (so checkout reserves there). */
async function ensureLocation(api, channel) {
  const fields = "id,name,*sales_channels"
  const location = await findOrCreate(
    `the stock location ${NAME}`,
    async () =>
      expectOk(
        "GET /admin/stock-locations",
        await api("GET", `/admin/stock-locations?q=${encodeURIComponent(NAME)}&limit=50&fields=${encodeURIComponent(fields)}`)
      ).stock_locations.find((l) => l.name === NAME),
    async () => expectOk("POST /admin/stock-locations", await api("POST", "/admin/stock-locations", { name: NAME })).stock_location
  )
  if (!(location.sales_channels ?? []).some((c) => c.id === channel.id)) {
    expectOk("link location and channel", await api("POST", `/admin/stock-locations/${location.id}/sales-channels`, { add: [channel.id] }))
  }
  return location
}

async function ensureProduct(api, channel) {
  const fields = "id,handle,status,*variants,*sales_channels"
  const product = await findOrCreate(
    "the product Bench gig",
    async () =>
      expectOk("GET /admin/products", await api("GET", `/admin/products?handle=${PRODUCT_HANDLE}&fields=${encodeURIComponent(fields)}`)).products[0],
    async () =>
      expectOk(
        "POST /admin/products",
        await api("POST", `/admin/products?fields=${encodeURIComponent(fields)}`, {
          title: "Bench gig",
          handle: PRODUCT_HANDLE,
          status: "published",
          options: [{ title: "Type", values: ["Standing"] }],
          variants: [{ title: "Standing", options: { Type: "Standing" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: PRICE_EUR }] }],
          sales_channels: [{ id: channel.id }],
        })
      ).product
  )
  if (product.status !== "published" || !(product.sales_channels ?? []).some((c) => c.id === channel.id)) {
    expectOk(
      "POST /admin/products/:id",
      await api("POST", `/admin/products/${product.id}`, {
        status: "published",
        sales_channels: [...(product.sales_channels ?? []).map((c) => ({ id: c.id })), { id: channel.id }],
      })
    )
  }
  return product
}

async function ensureEvent(api, product, location) {
  const { events } = expectOk("GET /admin/cashless/ticket-events", await api("GET", "/admin/cashless/ticket-events"))
  let event = events.find((e) => e.product_id === product.id)
  if (!event) {
    ;({ event } = expectOk(
      "POST /admin/cashless/ticket-events",
      await api("POST", "/admin/cashless/ticket-events", {
        name: "Bench gig",
        venue: "bench/scenarios/door-check-in.mjs",
        starts_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        capacity: CAPACITY,
        product_id: product.id,
        stock_location_id: location.id,
      })
    ))
    console.log(`  created the event Bench gig (${event.id}), capacity ${CAPACITY}`)
  }
  if (event.capacity - event.counts.issued < TICKETS) {
    ;({ event } = expectOk(
      "raise the capacity",
      await api("POST", `/admin/cashless/ticket-events/${event.id}`, { capacity: event.counts.issued + CAPACITY })
    ))
  }
  return event
}

async function ensureDoors(api, channel) {
  const { points_of_sale } = expectOk("GET /admin/cashless/points-of-sale", await api("GET", "/admin/cashless/points-of-sale"))
  const doors = []
  for (const name of DOORS) {
    doors.push(
      await findOrCreate(
        `the point of sale ${name}`,
        async () => points_of_sale.find((p) => p.name === name && !p.archived_at),
        async () =>
          expectOk(
            "POST /admin/cashless/points-of-sale",
            await api("POST", "/admin/cashless/points-of-sale", { name, sales_channel_id: channel.id, country_code: "fr", currency_code: "eur" })
          ).point_of_sale
      )
    )
  }
  return doors
}

/** A guest's store calls, with the channel's publishable key. */
function storeApi(target, publishableKey) {
  return async function call(method, path, body) {
    const res = await fetch(`${target.baseUrl}${path}`, {
      method,
      headers: { "x-publishable-api-key": publishableKey, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: res.status, ok: res.ok, body: parsed }
  }
}

/** One order of `quantity` tickets through Medusa's checkout: cart, line, payment collection and session, complete. */
async function buyTickets(store, { region, channel, variantId, quantity, runId, index }) {
  const { cart } = expectOk(
    "POST /store/carts",
    await store("POST", "/store/carts", { region_id: region.id, sales_channel_id: channel.id, email: `bench-door-${runId}-${index}@example.com` })
  )
  expectOk("POST /store/carts/:id/line-items", await store("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity }))
  const { payment_collection } = expectOk("POST /store/payment-collections", await store("POST", "/store/payment-collections", { cart_id: cart.id }))
  expectOk(
    "POST payment-sessions",
    await store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  )
  const done = expectOk("POST /store/carts/:id/complete", await store("POST", `/store/carts/${cart.id}/complete`, {}))
  if (done.type !== "order") throw new Error(`the cart ${cart.id} was not completed: ${JSON.stringify(done.error ?? done)}`)
  return done.order.id
}

async function validCount(api, eventId) {
  return expectOk("GET /admin/cashless/tickets", await api("GET", `/admin/cashless/tickets?event_id=${eventId}&status=valid&limit=1`)).count
}

/** Buys what is missing, then waits until the event has `TICKETS` valid tickets (issued on capture, asynchronously). */
async function ensureTickets(api, store, { region, channel, variantId, event, runId }) {
  const before = await validCount(api, event.id)
  const missing = TICKETS - before
  console.log(`  ${before} valid tickets for ${event.id}${missing > 0 ? `: buying ${missing}` : ""}`)
  if (missing <= 0) return
  const quantities = []
  for (let left = missing; left > 0; left -= UNITS_PER_ORDER) quantities.push(Math.min(UNITS_PER_ORDER, left))
  const started = Date.now()
  await mapLimit(
    quantities,
    2,
    (quantity, index) => buyTickets(store, { region, channel, variantId, quantity, runId, index }),
    `orders of up to ${UNITS_PER_ORDER}`
  )
  console.log(`  ${quantities.length} orders placed in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for the tickets`)
  const deadline = Date.now() + ISSUE_WAIT_S * 1000
  let shown = before
  for (;;) {
    let n
    try {
      n = await validCount(api, event.id)
    } catch (err) {
      // Issuing and mailing 500 tickets keeps the server busy for seconds: a reused keep-alive connection it
      // closed meanwhile fails once; the next poll opens another.
      console.log(`  polling the tickets failed (${err.cause?.code ?? err.message}): polling again`)
      await new Promise((r) => setTimeout(r, 1000))
      continue
    }
    if (n >= TICKETS) break
    if (Date.now() > deadline) throw new Error(`only ${n} of ${TICKETS} valid tickets ${ISSUE_WAIT_S} s after the orders: are they issued on capture?`)
    if (n !== shown) console.log(`  issued: ${n}/${TICKETS} valid`)
    shown = n
    await new Promise((r) => setTimeout(r, 1000))
  }
  console.log(`  ${TICKETS} valid tickets ${((Date.now() - started) / 1000).toFixed(1)} s after the first order`)
}

/** The shop's own database on the pgbench floor's server (as tap-to-pay watches its projection). */
function appDatabaseUrl(target) {
  if (process.env.BENCH_APP_DATABASE_URL) return process.env.BENCH_APP_DATABASE_URL
  const url = new URL(target.databaseUrl)
  url.pathname = `/${process.env.CASHLESS_DB_NAME || "medusa_cashless"}`
  return url.toString()
}

async function querySecrets(target, eventId, status) {
  const client = new pg.Client({ connectionString: appDatabaseUrl(target) })
  try {
    await client.connect()
  } catch (err) {
    throw new Error(`the shop's database does not answer (${err.message}): set BENCH_APP_DATABASE_URL`)
  }
  try {
    const { rows } = await client.query(
      `select secret from cashless_ticket where event_id = $1 and status = $2 and deleted_at is null order by created_at, line_item_id, unit_index`,
      [eventId, status]
    )
    return rows.map((r) => r.secret)
  } finally {
    await client.end()
  }
}

const round = (v) => (v == null ? null : Math.round(v * 100) / 100)

/** N scans of one fresh ticket at once, alternating the two doors, R times, with fetch (own timing per scan). */
async function contention(target, auth, doors, eventId, secrets, keyOf) {
  const latencies = []
  const statuses = {}
  const admittedPerTicket = []
  const spreads = []
  const started = Date.now()
  for (const secret of secrets) {
    const scans = await Promise.all(
      Array.from({ length: CONTENTION_SCANS }, async (_, i) => {
        const t0 = performance.now()
        const res = await fetch(`${target.baseUrl}/admin/cashless/doors/${doors[i % 2].id}/check-ins`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({ event_id: eventId, secret, idempotency_key: keyOf() }),
        })
        const body = await res.json().catch(() => null)
        return { status: res.status, outcome: body?.outcome, ms: performance.now() - t0 }
      })
    )
    for (const s of scans) {
      latencies.push(s.ms)
      statuses[s.status] = (statuses[s.status] ?? 0) + 1
    }
    admittedPerTicket.push(scans.filter((s) => s.status === 200 && s.outcome === "admitted").length)
    const ms = scans.map((s) => s.ms)
    spreads.push(Math.max(...ms) - Math.min(...ms))
  }
  const seconds = (Date.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  spreads.sort((a, b) => a - b)
  const ok = statuses["200"] ?? 0
  return {
    title: `1 ticket, ${CONTENTION_SCANS} scans at once, 2 doors`,
    method: "POST",
    url: `${target.baseUrl}/admin/cashless/doors/:pos_id/check-ins`,
    connections: CONTENTION_SCANS,
    duration_s: round(seconds),
    requests: latencies.length,
    req_per_s: round(latencies.length / seconds),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? null),
    non_2xx: latencies.length - ok,
    errors: 0,
    timeouts: 0,
    statuses,
    case: "contention",
    expected_status: "one 200, the rest 409",
    tickets: secrets.length,
    min_ms: round(latencies[0] ?? null),
    admitted_per_ticket: admittedPerTicket,
    spread_p50_ms: round(percentile(spreads, 50)),
    spread_max_ms: round(spreads.at(-1) ?? null),
  }
}

let door = null

export async function run({ target, auth, duration, load }) {
  const api = adminApi(target, auth)
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`
  const prefix = new URL(target.baseUrl).pathname.replace(/\/$/, "")
  const started = Date.now()
  console.log(`door-check-in setup (${TICKETS} tickets wanted):`)
  const channel = await ensureChannel(api)
  const region = await ensureRegion(api)
  const publishableKey = await ensurePublishableKey(api, channel)
  const location = await ensureLocation(api, channel)
  const product = await ensureProduct(api, channel)
  const event = await ensureEvent(api, product, location)
  const doors = await ensureDoors(api, channel)
  console.log(`  event ${event.id} (capacity ${event.capacity}), doors ${doors.map((d) => d.id).join(", ")}, location ${location.id}`)
  await ensureTickets(api, storeApi(target, publishableKey), { region, channel, variantId: product.variants[0].id, event, runId })
  const secrets = await querySecrets(target, event.id, "valid")
  console.log(`  ${secrets.length} valid secrets read from the database; setup took ${((Date.now() - started) / 1000).toFixed(1)} s`)

  let seq = 0
  const keyOf = () => `bench-door-${runId}-${++seq}`
  const scanPath = (d) => `/admin/cashless/doors/${d.id}/check-ins`
  const scanBody = (secret) => JSON.stringify({ event_id: event.id, secret, idempotency_key: keyOf() })

  // The probe ticket, the contention tickets, then the pool the admission rows walk through.
  const [probe, ...rest] = secrets
  const contentionSecrets = rest.splice(0, CONTENTION_ROUNDS)
  const pool = rest
  if (!probe || contentionSecrets.length < CONTENTION_ROUNDS || !pool.length) {
    throw new Error(`${secrets.length} valid tickets are too few for ${CONTENTION_ROUNDS} contention rounds and the admissions: raise BENCH_DOOR_TICKETS`)
  }
  // A wrong body, route or permission fails here with its message, not as rows of errors.
  const first = await api("POST", scanPath(doors[0]), JSON.parse(scanBody(probe)))
  if (first.status !== 200 || first.body?.outcome !== "admitted") throw new Error(`probe admission answered ${first.status}: ${JSON.stringify(first.body)}`)
  const again = await api("POST", scanPath(doors[1]), JSON.parse(scanBody(probe)))
  if (again.status !== 409 || again.body?.outcome !== "already_checked_in") {
    throw new Error(`probe second scan answered ${again.status}: ${JSON.stringify(again.body)}`)
  }
  console.log(`  probe: admitted at ${doors[0].name}, then 409 already_checked_in at ${doors[1].name}`)

  const headers = { ...auth, "content-type": "application/json" }
  const measure = (title, connections, seconds, nextSecret) => {
    let n = 0
    return load({
      title,
      url: `${target.baseUrl}${scanPath(doors[0])}`,
      method: "POST",
      headers,
      body: scanBody(probe),
      connections,
      duration: seconds,
      // Every request its own secret and key, alternating the two doors.
      setupRequest: (req) => {
        req.path = prefix + scanPath(doors[n++ % 2])
        req.body = scanBody(nextSecret())
        return req
      },
    })
  }

  console.log(`  warming up (${WARMUP_S} s, second scans of the probe ticket, c 16, not reported)`)
  await measure("warm-up", 16, WARMUP_S, () => probe)

  const rows = []
  let cursor = 0
  let overflow = 0
  const nextFresh = () => {
    // The pool ran out: scan a used ticket (a 409), counted and warned about rather than measured silently.
    if (cursor >= pool.length) overflow++
    return pool[cursor++ % pool.length]
  }
  for (const c of CONCURRENCY) {
    console.log(`  measuring admissions, c ${c} (${duration} s)`)
    const before = overflow
    const row = await measure(`door: admit, c ${c}`, c, duration, nextFresh)
    rows.push(expecting(row, "admit", c, 200, { pool_exhausted_requests: overflow - before }))
  }

  // Every ticket checked in so far (the probe and the admissions; the contention tickets are still valid).
  const rescans = await querySecrets(target, event.id, "checked_in")
  let rescanCursor = 0
  for (const c of CONCURRENCY) {
    console.log(`  measuring second scans, c ${c} (${duration} s, over the ${rescans.length} tickets admitted so far)`)
    const row = await measure(`door: second scan, c ${c}`, c, duration, () => rescans[rescanCursor++ % rescans.length])
    rows.push(expecting(row, "second_scan", c, 409))
  }

  console.log(`  measuring contention: ${CONTENTION_SCANS} scans of one ticket at once, ${CONTENTION_ROUNDS} tickets`)
  const contended = await contention(target, auth, doors, event.id, contentionSecrets, keyOf)
  rows.push(contended)

  for (const r of rows) {
    if (r.pool_exhausted_requests) {
      console.log(`  WARNING ${r.title}: the ticket pool ran out, ${r.pool_exhausted_requests} requests scanned used tickets (raise BENCH_DOOR_TICKETS or lower BENCH_DURATION)`)
    }
    if (r.unexpected) console.log(`  WARNING ${r.title}: ${r.unexpected} answers other than ${r.expected_status}: ${JSON.stringify(r.statuses)}`)
    if (r.errors || r.timeouts) console.log(`  WARNING ${r.title}: ${r.errors} connection errors, ${r.timeouts} timeouts`)
  }
  door = { event_id: event.id, doors: doors.map((d) => d.id), tickets: secrets.length, contention: contended }
  console.log(
    "\nnote: the harness's table counts every non-2xx answer under errors, as load() does (non_2xx + errors):" +
      "\nthe second-scan rows show their expected 409s there, and the contention row its expected 409s; see the door table after the floors.\n"
  )
  printHeader()
  return rows
}

/** A load() row with the door's own reading: how many answered the status the case expects, and how many did not. */
function expecting(row, name, concurrency, status, extra = {}) {
  const expected = row.statuses[String(status)] ?? 0
  return {
    ...row,
    ...extra,
    case: name,
    concurrency,
    expected_status: status,
    expected,
    expected_per_s: row.requests ? round(row.req_per_s * (expected / row.requests)) : 0,
    unexpected: row.requests - expected + row.errors,
  }
}

/** The door's table: expected answers per second and the unexpected ones, then the contention line. */
export function summarize({ results, floors }) {
  const workflow = floors.http.find((f) => f.title === "floor: no-op workflow")
  console.log("\ndoor check-in, counting the expected status of each case (admit: 200, second scan: 409):")
  console.log(
    ["what".padEnd(34), "expected".padStart(9), "per s".padStart(8), "p50 ms".padStart(8), "p95 ms".padStart(8), "p99 ms".padStart(8), "unexpected".padStart(11)].join(
      " "
    )
  )
  for (const r of results.filter((x) => x.case !== "contention")) {
    console.log(
      [
        r.title.padEnd(34),
        `${r.expected}×${r.expected_status}`.padStart(9),
        String(r.expected_per_s).padStart(8),
        String(r.p50_ms).padStart(8),
        String(r.p95_ms).padStart(8),
        String(r.p99_ms).padStart(8),
        String(r.unexpected).padStart(11),
      ].join(" ")
    )
  }
  const c = door?.contention
  let admittedHistogram = null
  if (c) {
    admittedHistogram = {}
    for (const n of c.admitted_per_ticket) admittedHistogram[n] = (admittedHistogram[n] ?? 0) + 1
    const exact = c.admitted_per_ticket.every((n) => n === 1)
    console.log(
      `\ncontention: ${c.tickets} tickets, each scanned ${CONTENTION_SCANS} times at once at 2 doors: admitted per ticket ` +
        `${Object.entries(admittedHistogram)
          .map(([n, times]) => `${n} (${times} tickets)`)
          .join(", ")}${exact ? ", exactly 1 every time" : " — NOT exactly 1: a double admission or none"}; ` +
        `statuses ${JSON.stringify(c.statuses)}`
    )
    console.log(
      `  latency of the ${c.requests} scans: min ${c.min_ms}, p50 ${c.p50_ms}, p95 ${c.p95_ms}, p99 ${c.p99_ms}, max ${c.max_ms} ms; ` +
        `spread within one ticket's ${CONTENTION_SCANS} scans (slowest − fastest): p50 ${c.spread_p50_ms}, max ${c.spread_max_ms} ms`
    )
  }
  if (workflow) console.log(`floor for comparison: no-op workflow ${workflow.req_per_s} req/s, p50 ${workflow.p50_ms} ms at c ${workflow.connections}`)
  return { ...door, admitted_histogram: admittedHistogram }
}
