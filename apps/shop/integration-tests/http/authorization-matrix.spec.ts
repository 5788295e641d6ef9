import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ACTOR_SHORT, ACTORS, type ActorName, buildWorld, type Response, type World } from "../helpers/actors"
import { type Call, expected, type Row, ROWS } from "../helpers/authorization-matrix"
import type { Db } from "../helpers/db"
import { servedOperations } from "../helpers/openapi-contract"
import { openSse } from "../helpers/sse-client"

// Issue #11: every plugin route × every actor → the exact status the table says
// (helpers/authorization-matrix.ts), against real data; a refused write writes nothing; no
// answer shows one customer's (or one till's) data to anyone else. docs/authorization.md.
jest.setTimeout(600_000)
delete process.env.REDIS_URL

type Lookup = { findPermission(method: string, path: string): { permission: { path: string; role: string; assigned?: true } } | null }

describe("the authorization matrix's rows", () => {
  it("has exactly one row for each route the built plugin serves (Medusa's RoutesLoader)", async () => {
    const served = await servedOperations()
    const rows = ROWS.map((r) => r.op)
    expect(served.length).toBeGreaterThan(80)
    expect({
      withoutRow: served.filter((op) => !rows.includes(op)).sort(),
      rowWithoutRoute: rows.filter((op) => !served.includes(op)).sort(),
      twice: rows.filter((op, i) => rows.indexOf(op) !== i),
    }).toEqual({ withoutRow: [], rowWithoutRoute: [], twice: [] })
  })

  it("gives each staff route the least role and assignment of the plugin's permission table", () => {
    const { findPermission } = require("medusa-plugin-cashless/api/admin/permission-lookup") as Lookup // eslint-disable-line @typescript-eslint/no-require-imports
    const disagree = ROWS.filter((r) => r.family === "admin").flatMap((r) => {
      const [method, path] = r.op.split(" ")
      const p = findPermission(method, path)?.permission
      const mine = `${r.least} ${r.assigned ? "assigned" : ""}`
      const theirs = `${p?.role} ${p?.assigned ? "assigned" : ""}`
      return mine === theirs ? [] : [`${r.op}: matrix ${mine}, permissions.ts ${theirs}`]
    })
    expect(disagree).toEqual([])
  })

  it("has a leak detector that finds an identifier or an amount anywhere in a body", () => {
    expect(leaksIn({ a: [{ b: "wallet wal_1 of A" }] }, ["wal_1"], [])).toEqual(["body.a.0.b contains wal_1"])
    expect(leaksIn({ balances: [{ balance: 3333 }] }, [], [3333])).toEqual(["body.balances.0.balance = 3333"])
    expect(leaksIn({ message: "Card not found." }, ["wal_1"], [3333])).toEqual([])
  })
})

/** Whether a JSON body shows any of `ids` or any of `amounts` (as a number), and where. */
function leaksIn(body: unknown, ids: string[], amounts: number[]): string[] {
  const found: string[] = []
  const walk = (v: unknown, path: string) => {
    if (typeof v === "string") for (const id of ids) if (id && v.includes(id)) found.push(`${path} contains ${id}`)
    if (typeof v === "number" && amounts.includes(v)) found.push(`${path} = ${v}`)
    if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`)
  }
  walk(body, "body")
  return found
}

const OUTSIDERS_OF_A: ActorName[] = ["anonymous", "publishable key", "customer B", "device P1", "device P2", "revoked device", "no role"]
const OUTSIDERS_OF_P1: ActorName[] = ["anonymous", "publishable key", "customer A", "customer B", "device P2", "revoked device", "no role"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("answers every route × actor as the table says, writes nothing when it refuses, and leaks nothing", async () => {
      const started = Date.now()
      const db = dbConnection as unknown as Db
      const w: World = await buildWorld(getContainer(), api, db)
      const setupMs = Date.now() - started
      const base = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL

      // What a refused write must leave alone: every plugin table, and the Medusa tables a store
      // route writes (carts, their lines and credit lines, orders, payments, refunds). Customer
      // groups are left out: a subscriber syncs them from memberships, whenever it runs.
      const { rows: tableRows } = await db.raw(
        `select t.table_name as name, exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'updated_at') as updated
           from information_schema.tables t
          where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
            and (t.table_name like 'cashless\\_%' or t.table_name in ('cart', 'cart_line_item', 'credit_line', 'order', 'order_item', 'payment', 'payment_collection', 'refund'))
          order by 1`
      )
      const fingerprintSql = tableRows
        .map((t) => `select '${t.name}' as t, count(*)::int as n, ${t.updated ? "max(updated_at)::text" : "null"} as u from "${t.name}"`)
        .join(" union all ")
      const fingerprint = async () => JSON.stringify((await db.raw(fingerprintSql)).rows)

      const secretsOfA = (call: Call, row: Row) => {
        const asked = `${call.url} ${JSON.stringify(call.body ?? {})}`
        const allowed = row.allowedToSee?.ids(w) ?? []
        return [w.a.customer.id, w.a.customer.email, w.a.card.id, w.a.card.uid, w.a.card.printed_number, w.a.card.qr_token, w.a.wallet_id, w.a.membership_id, w.a.order_id, w.a.cart_id, w.a.ticket.id, w.a.ticket.secret]
          .filter((id) => !asked.includes(id) && !allowed.includes(id))
      }
      const secretsOfP1 = (call: Call) => [w.p1, w.session(), w.closed_session_id, w.device.P1.id, "Bar P1"].filter((id) => !call.url.includes(id))
      const amountsOfA = async () => {
        const wallet = await w.admin.get(`/admin/cashless/wallets/${w.a.wallet_id}`)
        return [1111, 2222, ...(wallet.data.wallet.balances as Array<{ balance: number }>).map((b) => b.balance).filter((n) => n > 0)]
      }

      const send = async (call: Call, actor: ActorName): Promise<Response> => {
        const headers = w.headers(actor)
        if (call.sse) {
          const stream = await openSse(`${base}${call.url}`, headers)
          stream.close()
          return { status: stream.status, data: stream.body ? JSON.parse(stream.body) : {} }
        }
        const config = { headers, validateStatus: () => true }
        if (call.method === "GET") return api.get(call.url, config)
        if (call.method === "DELETE") return api.delete(call.url, config)
        return api.post(call.url, call.body, config)
      }

      const got = new Map<string, number>()
      const mismatches: string[] = []
      const wrote: string[] = []
      const leaks: string[] = []
      let requests = 0
      let refusedWrites = 0
      let scans = 0

      const cell = async (row: Row, actor: ActorName, amounts: number[]) => {
        const want = expected(row, actor)
        const call = await row.call(w, actor)
        const write = call.method !== "GET"
        const before = write && want >= 300 ? await fingerprint() : null
        const res = await send(call, actor)
        requests++
        got.set(`${row.op}|${actor}`, res.status)
        if (res.status !== want) mismatches.push(`${row.op} as ${actor}: ${res.status} (table: ${want}) ${JSON.stringify(res.data).slice(0, 200)}`)
        if (before !== null) {
          refusedWrites++
          const after = await fingerprint()
          if (after !== before) wrote.push(`${row.op} as ${actor} (${res.status}) changed ${diff(before, after)}`)
        }
        if (OUTSIDERS_OF_A.includes(actor)) {
          scans++
          const found = leaksIn(res.data, secretsOfA(call, row), row.allowedToSee?.balances ? [] : amounts)
          if (found.length) leaks.push(`${row.op} as ${actor} (${res.status}) shows customer A's ${found.join(", ")}`)
        }
        if (OUTSIDERS_OF_P1.includes(actor)) {
          const found = leaksIn(res.data, secretsOfP1(call), [])
          if (found.length) leaks.push(`${row.op} as ${actor} (${res.status}) shows P1's ${found.join(", ")}`)
        }
        await row.after?.(w)
      }

      // What set-up started in the background (captures, credits) has settled: two equal fingerprints.
      let last = await fingerprint()
      for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 200))
        const now = await fingerprint()
        if (now === last) break
        last = now
      }

      // Refusals first, all of them, while no write of the matrix has succeeded yet: a table that
      // changes during a refused write can only be that write's doing.
      for (const refusals of [true, false]) {
        for (const row of ROWS) {
          const actors = ACTORS.filter((a) => (expected(row, a) >= 300) === refusals)
          if (!actors.length) continue
          const amounts = await amountsOfA()
          for (const actor of actors) await cell(row, actor, amounts)
        }
      }

      const ms = Date.now() - started
      console.log(printMatrix(got, mismatches.length))
      console.log(
        `Authorization matrix: ${ROWS.length} routes × ${ACTORS.length} actors = ${ROWS.length * ACTORS.length} cells, ${requests} requests ` +
          `(${[...got.values()].filter((s) => s < 300).length} allowed, ${[...got.values()].filter((s) => s >= 300).length} refused); ` +
          `${refusedWrites} refused writes checked against ${tableRows.length} tables; ${scans} answers scanned for customer A's data; ` +
          `set-up ${(setupMs / 1000).toFixed(1)} s, total ${(ms / 1000).toFixed(1)} s`
      )
      expect({ mismatches, wrote, leaks }).toEqual({ mismatches: [], wrote: [], leaks: [] })
    })
  },
})

function diff(before: string, after: string): string {
  const b = new Map((JSON.parse(before) as Array<{ t: string; n: number; u: string | null }>).map((r) => [r.t, r]))
  return (JSON.parse(after) as Array<{ t: string; n: number; u: string | null }>)
    .filter((r) => JSON.stringify(b.get(r.t)) !== JSON.stringify(r))
    .map((r) => `${r.t} (${b.get(r.t)?.n} → ${r.n} rows)`)
    .join(", ")
}

/** The matrix as measured, one line per route: `!` marks a cell that disagrees with the table. */
function printMatrix(got: Map<string, number>, mismatches: number): string {
  const width = Math.max(...ROWS.map((r) => r.op.length))
  const head = `${"route".padEnd(width)} ${ACTORS.map((a) => ACTOR_SHORT[a].padStart(6)).join("")}`
  const lines = ROWS.map((r) => {
    const cells = ACTORS.map((a) => {
      const status = got.get(`${r.op}|${a}`)
      const mark = status === expected(r, a) ? " " : "!"
      return `${status ?? "-"}${mark}`.padStart(6)
    })
    return `${r.op.padEnd(width)} ${cells.join("")}`
  })
  const notes = ROWS.filter((r) => r.note).map((r) => {
    const cells = Object.entries(r.overrides ?? {}).map(([a, s]) => `${ACTOR_SHORT[a as ActorName]} ${s}`)
    return `  ${r.op}${cells.length ? ` [${cells.join(", ")}]` : ""}: ${r.note}`
  })
  return [`Authorization matrix (${mismatches} cells disagree with the table; ! marks them):`, head, ...lines, "Notes:", ...notes].join("\n")
}
