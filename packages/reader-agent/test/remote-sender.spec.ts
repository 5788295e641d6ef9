import { memoryLogger } from "../src/log"
import { RemoteSender } from "../src/remote-sender"
import type { Tap } from "../src/tap-detector"
import { eventually, freePort, HttpStub, type StubRequest } from "./helpers/http-stub"

const TOKEN = "cdt_" + "a".repeat(43)
const POS = "pos_01BAR"
const tapNow = (uid = "04A1B2C3D4E5F6"): Tap => ({ type: "tap", uid, reader: "ACS ACR122U", at: new Date().toISOString() })

/** The contract's tap route: 202, idempotent by tap_id, Bearer token required. */
function contractServer() {
  const delivered = new Set<string>()
  const handler = (req: StubRequest) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: { type: "unauthorized", code: "device_token_invalid", message: "Unknown reader token" } }
    if (req.method === "POST" && req.url === `/cashless/tills/${POS}/taps`) {
      const { tap_id } = req.body as { tap_id: string }
      if (delivered.has(tap_id)) return { status: 202, body: { delivered: 0, duplicate: true } }
      delivered.add(tap_id)
      return { status: 202, body: { delivered: 1 } }
    }
    if (req.method === "POST" && req.url === "/cashless/devices/me/status") return { status: 200, body: { ok: true } }
    return { status: 404, body: { message: "not found" } }
  }
  return { delivered, handler }
}

function sender(url: string, extra: Partial<ConstructorParameters<typeof RemoteSender>[0]> = {}) {
  const log = memoryLogger()
  const s = new RemoteSender({ serverUrl: url, token: TOKEN, pointOfSaleId: POS, agentVersion: "test", log, retryInitialMs: 20, ...extra })
  return { s, log }
}

const tapPosts = (stub: HttpStub) => stub.requests.filter((r) => r.url.endsWith("/taps"))

describe("remote mode: posting taps to the server", () => {
  const stubs: HttpStub[] = []
  afterEach(async () => {
    await Promise.all(stubs.splice(0).map((s) => s.stop()))
  })

  it("posts the tap with a uuid tap_id, the token and the tap's time", async () => {
    const server = contractServer()
    const stub = await new HttpStub(server.handler).start()
    stubs.push(stub)
    const { s } = sender(stub.url)
    const tap = tapNow()
    const result = await s.tap(tap)
    expect(result).toMatchObject({ outcome: "delivered", delivered: 1, duplicate: false, attempts: 1 })
    const [post] = tapPosts(stub)
    expect(post.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(post.body).toEqual({ tap_id: result.tap_id, uid: tap.uid, reader: tap.reader, at: tap.at })
    expect(result.tap_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it("retries while the server is down and delivers once it is back", async () => {
    const server = contractServer()
    const port = await freePort()
    const { s, log } = sender(`http://127.0.0.1:${port}`)
    const pending = s.tap(tapNow())
    await eventually(() => log.entries.some((e) => e.msg === "server unreachable: retrying the tap"), "a failed attempt")
    const stub = await new HttpStub(server.handler).start(port)
    stubs.push(stub)
    const result = await pending
    expect(result.outcome).toBe("delivered")
    expect(result.attempts).toBeGreaterThan(1)
    expect(server.delivered.size).toBe(1)
  })

  it("reuses the tap_id on a retry after a lost answer, so the server delivers it once", async () => {
    const server = contractServer()
    let first = true
    const stub = await new HttpStub((req) => {
      const answer = server.handler(req)
      if (first && req.url.endsWith("/taps")) {
        first = false
        return "hang-up" // processed, but the answer never reaches the agent
      }
      return answer
    }).start()
    stubs.push(stub)
    const { s } = sender(stub.url)
    const result = await s.tap(tapNow())
    const ids = tapPosts(stub).map((r) => (r.body as { tap_id: string }).tap_id)
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(1)
    expect(result).toMatchObject({ outcome: "delivered", duplicate: true })
    expect(server.delivered.size).toBe(1)
  })

  it("drops a tap it could not deliver in time, says so, and never sends it later", async () => {
    const server = contractServer()
    const port = await freePort()
    const { s, log } = sender(`http://127.0.0.1:${port}`, { maxTapAgeMs: 300 })
    const result = await s.tap(tapNow())
    expect(result.outcome).toBe("dropped")
    expect(log.entries.some((e) => e.level === "warn" && e.msg.startsWith("tap dropped"))).toBe(true)
    const stub = await new HttpStub(server.handler).start(port)
    stubs.push(stub)
    await new Promise((r) => setTimeout(r, 100))
    expect(tapPosts(stub)).toEqual([])
  })

  it("drops a tap the server refuses as stale (409), without retrying", async () => {
    const stub = await new HttpStub(() => ({ status: 409, body: { code: "tap_stale", message: "This tap is older than 30 s" } })).start()
    stubs.push(stub)
    const { s } = sender(stub.url)
    expect(await s.tap(tapNow())).toMatchObject({ outcome: "dropped", attempts: 1, reason: "This tap is older than 30 s (tap_stale)" })
  })

  it("on 401 (revoked), logs 'pair again' and sends nothing more, taps or status", async () => {
    const stub = await new HttpStub(() => ({
      status: 401,
      body: { type: "unauthorized", code: "device_revoked", message: "This reader was revoked in Cashless → Devices: pair it again" },
    })).start()
    stubs.push(stub)
    const { s, log } = sender(stub.url, { heartbeatMs: 20 })
    s.start()
    expect(await s.tap(tapNow())).toMatchObject({ outcome: "revoked" })
    expect(s.isRevoked).toBe(true)
    const error = log.entries.find((e) => e.level === "error")
    expect(error?.msg).toContain("pair again")
    expect(error?.fields.reason).toContain("device_revoked")
    const count = stub.requests.length
    s.status({ type: "status", readers: [], pcsc: "ok" })
    await new Promise((r) => setTimeout(r, 100))
    expect(stub.requests.length).toBe(count)
    await s.stop()
  })

  it("sends the status with the agent version, on demand and as a heartbeat", async () => {
    const server = contractServer()
    const stub = await new HttpStub(server.handler).start()
    stubs.push(stub)
    const { s } = sender(stub.url, { heartbeatMs: 50 })
    s.start()
    s.status({ type: "status", readers: ["ACS ACR122U"], pcsc: "ok" })
    const statuses = () => stub.requests.filter((r) => r.url === "/cashless/devices/me/status")
    await eventually(() => statuses().length >= 3, "two heartbeats after the first status")
    await s.stop()
    expect(statuses()[0].body).toEqual({ readers: ["ACS ACR122U"], pcsc: "ok", agent_version: "test" })
    expect(statuses()[0].headers.authorization).toBe(`Bearer ${TOKEN}`)
  })
})
