/**
 * The README's first command, for real: `npm run dev` with no DATABASE_URL starts an
 * embedded PostgreSQL in a fresh data folder, migrates, seeds, serves, prints working
 * credentials; a second run reuses the data; Ctrl-C (SIGINT) stops everything.
 */
import { spawnSync } from "node:child_process"
import { mkdtemp, rm, utimes } from "node:fs/promises"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import {
  appDir,
  ctrlC,
  freePort,
  freshMachineEnv,
  launch,
  listening,
  printed,
  stopLauncher,
  waitFor,
  type Launch,
} from "../helpers/launcher"

jest.setTimeout(300_000)

describe("npm run dev on a machine without a database", () => {
  let dataDir: string
  let env: NodeJS.ProcessEnv
  let httpPort: number
  let pgPort: number
  let partnerPort: number
  const runs: Launch[] = []

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "cashless-dev-"))
    httpPort = await freePort()
    pgPort = await freePort()
    partnerPort = await freePort()
    env = freshMachineEnv({
      CASHLESS_PARTNER_PORT: String(partnerPort),
      CASHLESS_DATA_DIR: dataDir,
      CASHLESS_PG_PORT: String(pgPort),
      PORT: String(httpPort),
    })
  })

  afterAll(async () => {
    for (const run of runs) await stopLauncher(run)
    await rm(dataDir, { recursive: true, force: true })
  })

  const base = () => `http://localhost:${httpPort}`

  async function login(email: string, password: string) {
    const res = await fetch(`${base()}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
    expect(res.status).toBe(200)
    return ((await res.json()) as { token: string }).token
  }

  let first: { email: string; password: string; key: string }

  it("builds, starts embedded PostgreSQL, migrates, seeds and prints working credentials", async () => {
    const run = launch(env)
    runs.push(run)
    await waitFor("ready banner", run, /The shop is running\./)
    const out = run.output()
    for (const stepTitle of [
      "Building the plugin",
      "Starting embedded PostgreSQL",
      "Creating the database if missing",
      "Applying migrations",
      "Seeding the demo shop",
      "Starting Medusa",
    ]) {
      expect(out).toContain(`✔ ${stepTitle}`)
    }
    expect(out).toContain("new cluster")
    expect(out).toContain(`Admin         ${base()}/app`)

    const { email, password, publishableKey: key } = printed(run)
    first = { email, password, key }

    // The example partner page: another origin, the demo key filled in, the components' bundle,
    // and a shop that accepts the page's store calls (CORS) — with a demo card to try.
    const partner = `http://localhost:${partnerPort}`
    const qrToken = out.match(new RegExp(`Partner page  ${partner}  \\(<cashless-topup>, <cashless-wallet>; card N° 0001: ${partner}/\\?token=(\\S+)\\)`))?.[1]
    expect(qrToken).toBeTruthy()
    const page = await (await fetch(`${partner}/`)).text()
    expect(page).toContain(`<cashless-topup publishable-key="${key}" base-url="${base()}"`)
    expect(page).not.toContain("{{")
    const bundle = await fetch(`${partner}/cashless-elements.js`)
    expect(bundle.status).toBe(200)
    expect(await bundle.text()).toContain(`customElements.define("cashless-topup"`)
    const fromPartner = await fetch(`${base()}/store/cashless/qr/${qrToken}`, { headers: { "x-publishable-api-key": key, origin: partner } })
    expect(fromPartner.status).toBe(200)
    expect(fromPartner.headers.get("access-control-allow-origin")).toBe(partner)
    const loginPreflight = await fetch(`${base()}/auth/customer/emailpass`, { method: "OPTIONS", headers: { origin: partner, "access-control-request-method": "POST" } })
    expect(loginPreflight.headers.get("access-control-allow-origin")).toBe(partner)

    const token = await login(email, password)
    const status = await fetch(`${base()}/admin/cashless/status`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(status.status).toBe(200)
    const body = (await status.json()) as {
      database: { embedded: boolean; port: number; name: string }
      infrastructure: Record<string, string>
    }
    expect(body.database).toMatchObject({ embedded: true, port: pgPort, name: "medusa_cashless" })
    expect(body.infrastructure).toEqual({
      event_bus: "in-memory",
      workflow_engine: "in-memory",
      locking: "in-memory",
    })

    const products = await fetch(`${base()}/store/products?fields=handle`, {
      headers: { "x-publishable-api-key": key },
    })
    expect(products.status).toBe(200)
    const handles = ((await products.json()) as { products: Array<{ handle: string }> }).products
      .map((p) => p.handle)
      .sort()
    expect(handles).toEqual([
      "annual-membership",
      "coffee",
      "draught-beer-25cl",
      "festival-2027-day-pass",
      "festival-pass-3-days",
      "festival-weekend-membership",
      "lemonade",
      "members-evening-concert",
    ])

    // The demo wallets come with a history: top-ups, gift credit, sales and a reversal.
    const wallets = await fetch(`${base()}/admin/cashless/wallets`, { headers: { authorization: `Bearer ${token}` } })
    const listed = ((await wallets.json()) as { wallets: Array<{ label: string; customer: unknown; balances: Array<{ asset_code: string; balance: number }> }> }).wallets
    const byLabel = Object.fromEntries(
      listed.map((w) => [w.label, Object.fromEntries(w.balances.map((b) => [b.asset_code, b.balance]))])
    )
    expect(byLabel).toEqual({
      "Camille Martin": { EUR: 4750, EUR_GIFT: 0 },
      // 20.00 EUR in cash, a coffee, then two beers at the member price at the café bar's till.
      "Card N° 0001 (anonymous)": { EUR: 1250, EUR_GIFT: 0 },
      // Card N° 0003 was topped up anonymously, then bound to Noé: a fusion moved its money.
      "Card N° 0003 (anonymous)": { EUR: 0, EUR_GIFT: 0 },
      // Card N° 0006 was topped up with 10.00 EUR at the bar, then handed back: paid out, the card blank again.
      "Card N° 0006 (anonymous)": { EUR: 0, EUR_GIFT: 0 },
      // 8.00 EUR from the card, then 30.00 + 20.00 EUR topped up in the shop, 25.00 EUR refunded.
      "Noé Dubois": { EUR: 3300, EUR_GIFT: 0 },
    })

    // The demo card batch, in every state the card pages show.
    const cards = await fetch(`${base()}/admin/cashless/cards?limit=5`, { headers: { authorization: `Bearer ${token}` } })
    const firstCards = ((await cards.json()) as { cards: Array<{ printed_number: string; status: string; holder: { email: string } | null }> }).cards
    expect(firstCards.map((c) => [c.printed_number, c.status, c.holder?.email ?? null])).toEqual([
      ["0001", "active", null],
      ["0002", "active", "camille.martin@example.com"],
      ["0003", "active", "noe.dubois@example.com"],
      ["0004", "blocked", null],
      ["0005", "new", null],
    ])
    expect(listed.find((w) => w.label === "Camille Martin")!.customer).toMatchObject({ email: "camille.martin@example.com" })

    // Members in every state, and card N° 0001 a member while still anonymous.
    const members = await fetch(`${base()}/admin/cashless/memberships?limit=50`, { headers: { authorization: `Bearer ${token}` } })
    const rows = ((await members.json()) as {
      memberships: Array<{ state: string; plan_name: string; holder: { email: string } | null; card: { name: string } | null }>
    }).memberships
    const states = rows.map((m) => `${m.holder?.email ?? m.card?.name} ${m.plan_name}: ${m.state}`).sort()
    expect(states).toEqual([
      "N° 0001 Festival weekend membership: valid",
      "camille.martin@example.com Annual membership: upcoming",
      "camille.martin@example.com Annual membership: valid",
      "jean.petit@example.com Honorary membership: valid",
      "lea.rousseau@example.com Annual membership: cancelled",
      "marie.leroy@example.com Annual membership: valid",
      "noe.dubois@example.com Annual membership: expired",
      "paul.bernard@example.com Annual membership: valid",
      "sophie.moreau@example.com Annual membership: expired",
    ])

    // Till staff with their roles: the cashier works at the café bar and cannot adjust balances.
    expect(out).toContain("Till staff    manager@cashless.local (manager), cashier@cashless.local (cashier, café bar)")
    const cashier = await login("cashier@cashless.local", password)
    const me = (await (await fetch(`${base()}/admin/cashless/staff/me`, { headers: { authorization: `Bearer ${cashier}` } })).json()) as {
      me: { role: string; point_of_sale_ids: string[] }
    }
    expect(me.me.role).toBe("cashier")
    expect(me.me.point_of_sale_ids).toHaveLength(1)
    const adjust = await fetch(`${base()}/admin/cashless/wallets/cwal_none/adjust`, {
      method: "POST",
      headers: { authorization: `Bearer ${cashier}`, "content-type": "application/json" },
      body: JSON.stringify({ amount: 100, asset_code: "EUR", reason: "test", idempotency_key: "k" }),
    })
    expect(adjust.status).toBe(403)

    expect(await ctrlC(run)).toBe(0)
    expect(run.output()).toContain("embedded PostgreSQL stopped")
    expect(await listening(httpPort)).toBe(false)
    expect(await listening(pgPort)).toBe(false)
    expect(await listening(partnerPort)).toBe(false)
  })

  it("reuses the data on a second run without seeding again, reloads plugin changes, and stops cleanly", async () => {
    expect(first).toBeDefined()
    const run = launch(env)
    runs.push(run)
    await waitFor("ready banner", run, /The shop is running\./)
    const out = run.output()
    expect(out).toContain("existing cluster")
    expect(out).toContain("already seeded")
    expect(out).toContain(`Password      ${first.password}`)
    expect(out).toContain(`Publishable   ${first.key}`)
    await login(first.email, first.password)

    const products = await fetch(`${base()}/store/products?fields=handle`, {
      headers: { "x-publishable-api-key": first.key },
    })
    // The eight products of the first run, not twice as many.
    expect(((await products.json()) as { count: number }).count).toBe(8)

    // medusa develop does not watch the plugin: the launcher rebuilds it and restarts.
    const touched = path.resolve(appDir, "../../packages/medusa-plugin-cashless/src/lib/plugin-info.ts")
    const now = new Date()
    await utimes(touched, now, now)
    await waitFor("plugin reload", run, /plugin rebuilt, server restarted/, 120_000)
    await login(first.email, first.password)

    // The operator's verify command, against the running shop's embedded database.
    const verify = () =>
      spawnSync("npm", ["run", "--silent", "ledger:verify"], {
        cwd: path.resolve(appDir, "../.."),
        env: { ...env, CASHLESS_PG_PORT: String(pgPort) },
        encoding: "utf8",
      })
    const clean = verify()
    expect(clean.stdout).toMatch(/Ledger verified: 18 entries, \d+ postings, \d+ wallet accounts/)
    expect(clean.status).toBe(0)
    const db = new pg.Client({ host: "localhost", port: pgPort, user: "postgres", password: "postgres", database: "medusa_cashless" })
    await db.connect()
    const { rows } = await db.query(
      "update cashless_account set balance = balance + 1 where wallet_id is not null and balance > 0 returning id"
    )
    await db.end()
    const tampered = verify()
    expect(tampered.status).toBe(1)
    expect(tampered.stdout).toContain(`cashless_account ${rows[0].id}: stored balance is`)

    expect(await ctrlC(run)).toBe(0)
    expect(await listening(httpPort)).toBe(false)
    expect(await listening(pgPort)).toBe(false)
  })

  it("uses DATABASE_URL instead of the embedded database when it is set", async () => {
    const dbName = `cashless_launcher_${Date.now()}`
    const server = {
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
      port: Number(process.env.DB_PORT || 5432),
    }
    const databaseUrl = `postgres://${server.user}:${encodeURIComponent(server.password)}@localhost:${server.port}/${dbName}`
    const otherDataDir = await mkdtemp(path.join(os.tmpdir(), "cashless-dev-url-"))
    const run = launch({ ...env, DATABASE_URL: databaseUrl, CASHLESS_DATA_DIR: otherDataDir })
    runs.push(run)
    try {
      await waitFor("ready banner", run, /The shop is running\./)
      const out = run.output()
      expect(out).toContain("✔ Checking DATABASE_URL")
      expect(out).not.toContain("Starting embedded PostgreSQL")
      expect(out).toContain(`database "${dbName}" created`)
      const token = await login("admin@cashless.local", printed(run).password)
      const status = await fetch(`${base()}/admin/cashless/status`, {
        headers: { authorization: `Bearer ${token}` },
      })
      const body = (await status.json()) as { database: Record<string, unknown> }
      expect(body.database).toMatchObject({ embedded: false, name: dbName, port: server.port })
      expect(await ctrlC(run)).toBe(0)
      expect(await listening(httpPort)).toBe(false)
    } finally {
      const admin = new pg.Client({ ...server, host: "localhost", database: "postgres" })
      await admin.connect()
      await admin.query(`drop database if exists "${dbName}" with (force)`)
      await admin.end()
      await rm(otherDataDir, { recursive: true, force: true })
    }
  })

  it("says which step failed and why", async () => {
    const blocker = net.createServer().listen(httpPort, "127.0.0.1")
    try {
      const run = launch(env)
      runs.push(run)
      const code = await run.exited
      expect(code).toBe(1)
      expect(run.output()).toMatch(/failed at step "Starting Medusa on port \d+ \(medusa develop\)": port \d+ is already in use/)
      expect(await listening(pgPort)).toBe(false)
    } finally {
      blocker.close()
    }
  })
})
