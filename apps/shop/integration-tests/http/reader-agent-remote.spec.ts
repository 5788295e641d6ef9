import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { adminUser, type AdminUser } from "../helpers/admin-session"
import type { Db } from "../helpers/db"
import { type Shop, shopFixture } from "../helpers/shop-fixture"
import { openSse, type SseClient } from "../helpers/sse-client"

// Remote mode end to end (#9): the real reader agent (packages/reader-agent's built CLI) pairs
// with a manager's one-time code, then sends taps read from its stdin source to the server, which
// hands them to a till page subscribed to the point of sale's stream. The same code again is
// refused, the pairing file is 0600, a revoked reader's taps reach no till, and a reader pointed
// at another point of sale is refused there. The PC/SC side of the agent is proven by
// packages/reader-agent/test/pcsc-stack.spec.ts; stdin stands in for it here so that this suite
// needs no smart-card stack.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type LogLine = { level: string; msg: string; [k: string]: unknown }

const AGENT_DIR = path.resolve(__dirname, "../../../../packages/reader-agent")
const CLI = path.join(AGENT_DIR, "dist/cli.js")
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

/** The agent as a running process: its JSON log lines, stdin to tap with. */
class RunningAgent {
  readonly lines: LogLine[] = []
  private readonly exited: Promise<number | null>
  constructor(readonly child: ChildProcessWithoutNullStreams) {
    let buffer = ""
    child.stderr.setEncoding("utf8")
    child.stderr.on("data", (chunk: string) => {
      buffer += chunk
      let nl: number
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        try {
          this.lines.push(JSON.parse(line))
        } catch {
          this.lines.push({ level: "raw", msg: line })
        }
      }
    })
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)))
  }
  tap(uid: string) {
    this.child.stdin.write(`${uid}\n`)
  }
  /** The first log line matching `pick`, waited for; the whole log in the failure otherwise. */
  async logged(pick: (l: LogLine) => boolean): Promise<LogLine> {
    const deadline = Date.now() + 20_000
    for (;;) {
      const found = this.lines.find(pick)
      if (found) return found
      if (Date.now() > deadline) throw new Error(`the agent never logged it; its log: ${JSON.stringify(this.lines)}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  /** Ends its input: the agent finishes the taps in flight and exits. */
  async end(): Promise<number | null> {
    this.child.stdin.end()
    return this.exited
  }
  kill() {
    if (this.child.exitCode === null) this.child.kill("SIGKILL")
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let boss: AdminUser
    let manager: AdminUser
    let cashier: AdminUser
    let shop: Shop
    let barId: string
    let gateId: string
    let dir: string
    const agents: RunningAgent[] = []
    const streams: SseClient[] = []
    const base = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL

    const as = (user: AdminUser) => {
      const config = { headers: user.headers, validateStatus: () => true }
      return {
        get: (url: string): Promise<Response> => api.get(url, config),
        post: (url: string, body: unknown = {}): Promise<Response> => api.post(url, body, config),
      }
    }
    const must = (what: string, res: Response, status: number) => {
      if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
      return res.data
    }
    const newCode = async (posId: string, name?: string) =>
      must("pairing code", await as(manager).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: posId, ...(name ? { name } : {}) }), 201)
        .pairing_code.code as string
    /** Never spawnSync: the server under test runs in this process and must keep answering. */
    const cli = (args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 })
        let stdout = ""
        let stderr = ""
        child.stdout.on("data", (d) => (stdout += d))
        child.stderr.on("data", (d) => (stderr += d))
        child.on("error", reject)
        child.on("close", (status) => resolve({ status, stdout, stderr }))
      })
    const startAgent = (config: string) => {
      const child = spawn(process.execPath, [CLI, "run", "--mode", "remote", "--source", "stdin", "--config", config], { stdio: "pipe" })
      const agent = new RunningAgent(child)
      agents.push(agent)
      return agent
    }
    const stream = async (posId: string) => {
      const s = await openSse(`${base()}/admin/cashless/tills/${posId}/taps/stream`, cashier.headers)
      streams.push(s)
      expect(s.status).toBe(200)
      await s.next((e) => e.event === "devices")
      return s
    }
    const pairInto = (file: string, code: string, name = "Pi at the bar") => cli(["pair", base(), code, "--name", name, "--config", file])

    beforeAll(async () => {
      // `npm test` builds the agent in its own suites first; a lone run of this file builds it here.
      if (!existsSync(CLI)) {
        const built = spawnSync("npm", ["run", "build"], { cwd: AGENT_DIR, encoding: "utf8" })
        if (built.status !== 0) throw new Error(`building the reader agent failed:\n${built.stdout}\n${built.stderr}`)
      }
      dir = mkdtempSync(path.join(tmpdir(), "cashless-agent-remote-"))
      ;[boss, manager, cashier] = await Promise.all([1, 2, 3].map(() => adminUser(getContainer(), api)))
      const admin = as(boss)
      shop = await shopFixture(admin, "agent-remote")
      const pos = async (name: string) =>
        must("point of sale", await admin.post("/admin/cashless/points-of-sale", { name, sales_channel_id: shop.sales_channel_id, country_code: "fr" }), 201).point_of_sale.id as string
      barId = await pos("Agent bar")
      gateId = await pos("Agent gate")
      for (const [user, body] of [
        [boss, { role: "admin" }],
        [manager, { role: "manager" }],
        [cashier, { role: "cashier", point_of_sale_ids: [barId] }],
      ] as const) {
        must("role", await admin.post(`/admin/cashless/staff/${user.id}`, body), 200)
      }
    })

    afterEach(() => {
      for (const s of streams.splice(0)) s.close()
      for (const a of agents.splice(0)) a.kill()
    })

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    it("pairs with a one-time code into a 0600 file holding the token, which the server keeps only as a hash; the code again is refused", async () => {
      const file = path.join(dir, "paired", "device.json")
      const code = await newCode(barId)
      const paired = await pairInto(file, code)
      expect({ status: paired.status, err: paired.stderr }).toEqual({ status: 0, err: "" })
      expect(paired.stdout).toMatch(/Paired "Pi at the bar" \(.+\) with point of sale "Agent bar"/)

      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700)
      const saved = JSON.parse(readFileSync(file, "utf8"))
      expect(saved).toMatchObject({ server_url: base(), device_name: "Pi at the bar", point_of_sale: { id: barId, name: "Agent bar" } })
      expect(saved.token).toMatch(/^cdt_/)
      expect(paired.stdout).not.toContain(saved.token)
      const { rows } = await db.raw(`select id, token_hash, row_to_json(d)::text as row from cashless_device d where id = ?`, [saved.device_id])
      expect(rows[0].token_hash).toBe(sha256(saved.token))
      expect(rows[0].row).not.toContain(saved.token)

      // The same code a second time, from another reader: refused, and nothing written there.
      const other = path.join(dir, "other.json")
      const again = await pairInto(other, code, "Second reader")
      expect(again.status).toBe(1)
      expect(again.stderr).toMatch(/Pairing refused .*already (been )?used/i)
      expect(existsSync(other)).toBe(false)
      expect(Number((await db.raw(`select count(*) from cashless_device where name = 'Second reader'`)).rows[0].count)).toBe(0)
    })

    it("hands each tap to the till page of its point of sale through the server, normalized, with its reader's status", async () => {
      const file = path.join(dir, "bar.json")
      expect((await pairInto(file, await newCode(barId, "Bar Pi"))).status).toBe(0)
      const deviceId = JSON.parse(readFileSync(file, "utf8")).device_id as string
      const till = await stream(barId)
      const agent = startAgent(file)

      const status = await till.next((e) => e.event === "status" && e.data.device_id === deviceId && e.data.readers.includes("stdin"), 20_000)
      expect(status.data).toMatchObject({ device_name: "Bar Pi", pcsc: "ok" })

      agent.tap("04:a1:b2:c3:d4:e5:f6")
      const first = await till.next((e) => e.event === "tap" && e.data.uid === "04A1B2C3D4E5F6", 20_000)
      expect(first.data).toMatchObject({ device_id: deviceId, device_name: "Bar Pi", reader: "stdin" })
      expect(new Date(first.data.at).getTime()).not.toBeNaN()
      agent.tap("a1 b2 c3 d4")
      await till.next((e) => e.event === "tap" && e.data.uid === "A1B2C3D4", 20_000)
      expect((await agent.logged((l) => l.msg === "tap sent to the server" && l.uid === "A1B2C3D4")).delivered).toBe(1)
      // Not a UID: the agent says so and sends nothing.
      agent.tap("not-a-card")
      await agent.logged((l) => /not a card UID/.test(l.msg))

      expect(await agent.end()).toBe(0)
      expect(till.events.filter((e) => e.event === "tap").map((e) => e.data.uid)).toEqual(["04A1B2C3D4E5F6", "A1B2C3D4"])
      const seen = (await db.raw(`select last_seen_at from cashless_device where id = ?`, [deviceId])).rows[0].last_seen_at
      expect(seen).not.toBeNull()
    })

    it("stops a revoked reader: the server refuses it, the agent says to pair again, and no till receives its taps", async () => {
      const file = path.join(dir, "revoked.json")
      expect((await pairInto(file, await newCode(barId, "Doomed Pi"))).status).toBe(0)
      const deviceId = JSON.parse(readFileSync(file, "utf8")).device_id as string
      const till = await stream(barId)
      const agent = startAgent(file)
      agent.tap("04DE4D00000001")
      await till.next((e) => e.event === "tap" && e.data.device_id === deviceId, 20_000)

      must("revoke", await as(manager).post(`/admin/cashless/devices/${deviceId}/revoke`), 200)
      agent.tap("04DE4D00000002")
      const refused = await agent.logged((l) => /pair again/.test(l.msg))
      expect(refused.level).toBe("error")
      expect(await agent.end()).toBe(0)
      expect(till.events.filter((e) => e.event === "tap" && e.data.device_id === deviceId).map((e) => e.data.uid)).toEqual(["04DE4D00000001"])
    })

    it("refuses a reader's taps at a point of sale other than its own", async () => {
      const file = path.join(dir, "gate.json")
      expect((await pairInto(file, await newCode(gateId, "Gate Pi"))).status).toBe(0)
      // A pairing file edited to point at the bar: the token is still the gate's.
      const saved = JSON.parse(readFileSync(file, "utf8"))
      writeFileSync(file, JSON.stringify({ ...saved, point_of_sale: { id: barId, name: "Agent bar" } }), { mode: 0o600 })
      const till = await stream(barId)
      const agent = startAgent(file)
      agent.tap("04A1B2C3D4E5F6")
      const refused = await agent.logged((l) => l.msg === "tap refused by the server")
      expect(refused.status).toBe(403)
      expect(String(refused.reason)).toMatch(/point of sale/i)
      expect(await agent.end()).toBe(0)
      expect(till.events.filter((e) => e.event === "tap")).toEqual([])
    })
  },
})
