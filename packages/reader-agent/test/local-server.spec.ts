import { Agent } from "../src/agent"
import { memoryLogger } from "../src/log"
import { allowedOrigins, DEFAULT_ALLOWED_ORIGINS } from "../src/origins"
import { FakeSource } from "./helpers/fake-source"
import { eventually } from "./helpers/http-stub"
import { openTill, type TillClient } from "./helpers/till-client"

const READER = "ACS ACR122U PICC Interface 00 00"

type Client = TillClient

async function client(port: number, origin: string): Promise<Client> {
  const c = await openTill(port, origin)
  if (!("ws" in c)) throw new Error(`not connected: ${JSON.stringify(c)}`)
  return c
}

describe("local mode: the WebSocket the till page connects to", () => {
  let source: FakeSource
  let agent: Agent
  let port: number
  const log = memoryLogger()
  const clients: Client[] = []

  beforeAll(async () => {
    source = new FakeSource()
    agent = new Agent({
      source,
      log,
      local: { host: "127.0.0.1", port: 0, allowedOrigins: allowedOrigins(["https://shop.example.org", "http://localhost:9000"]) },
    })
    port = (await agent.start()).port as number
    source.pcsc("ok")
    source.plug(READER)
  })

  afterAll(async () => {
    for (const c of clients) c.close()
    await agent.stop()
  })

  it("refuses a page from another origin with 403 at the upgrade, and logs it", async () => {
    expect(await openTill(port, "https://evil.example.com")).toEqual({ refused: 403 })
    expect(await openTill(port, "null")).toEqual({ refused: 403 })
    expect(await openTill(port, "")).toEqual({ refused: 403 }) // no Origin at all
    const refusals = log.entries.filter((e) => e.msg === "refused a connection from an origin that is not allowed")
    expect(refusals.map((e) => e.fields.origin)).toEqual(["https://evil.example.com", "null", null])
  })

  it("an allowed origin receives the status at once, then the taps; every till page gets each tap", async () => {
    const a = await client(port, "https://shop.example.org")
    const b = await client(port, "http://localhost:9000")
    clients.push(a, b)
    await eventually(() => a.frames.length === 1 && b.frames.length === 1, "the status on connect")
    expect(a.frames[0]).toEqual({ type: "status", readers: [READER], pcsc: "ok" })

    source.put("04:a1:b2:c3:d4:e5:f6")
    await eventually(() => a.frames.length === 2 && b.frames.length === 2, "the tap")
    for (const c of [a, b]) {
      expect(c.frames[1]).toEqual({ type: "tap", uid: "04A1B2C3D4E5F6", reader: READER, at: expect.any(String) })
      expect(new Date(c.frames[1].at as string).toISOString()).toBe(c.frames[1].at)
    }
  })

  it("announces every change of readers or PC/SC state", async () => {
    const c = await client(port, "https://shop.example.org")
    clients.push(c)
    await eventually(() => c.frames.length === 1, "the status on connect")
    source.pcscDown()
    await eventually(() => c.frames.length >= 3, "the changes")
    expect(c.frames.slice(1)).toEqual([
      { type: "status", readers: [READER], pcsc: "down" },
      { type: "status", readers: [], pcsc: "down" },
    ])
  })

  it("answers a plain HTTP request with 426 (WebSocket only)", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`)
    expect(res.status).toBe(426)
  })
})

describe("the allowed origins", () => {
  it("default to the local admin, plus the paired server's origin; given ones replace the defaults", () => {
    expect(allowedOrigins([])).toEqual(DEFAULT_ALLOWED_ORIGINS)
    expect(allowedOrigins([], "https://Shop.Example.org/")).toEqual([...DEFAULT_ALLOWED_ORIGINS, "https://shop.example.org"])
    expect(allowedOrigins(["https://till.example.org:443/app"], "https://shop.example.org")).toEqual([
      "https://till.example.org",
      "https://shop.example.org",
    ])
    expect(() => allowedOrigins(["till.example.org"])).toThrow("is not an origin")
  })
})
