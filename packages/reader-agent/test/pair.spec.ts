import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { main } from "../src/cli"
import { captureIo, spawnCli } from "./helpers/cli"
import { HttpStub, type StubRequest } from "./helpers/http-stub"

const TOKEN = "cdt_" + "Zx9".repeat(14) + "Q"

/** The contract's pairing route: one valid code, single use. */
function pairingServer() {
  let used = false
  return (req: StubRequest) => {
    if (req.method !== "POST" || req.url !== "/cashless/devices/pair") return { status: 404, body: { message: "Not found" } }
    const { code, name } = req.body as { code?: string; name?: string }
    if (typeof code !== "string") return { status: 400, body: { type: "invalid_data", message: "code is required" } }
    if (code.replace(/[\s-]/g, "").toUpperCase() !== "K7Q4M2XP") {
      return { status: 401, body: { type: "unauthorized", code: "pairing_code_invalid", message: "Unknown pairing code: create a new one in Cashless → Devices" } }
    }
    if (used) return { status: 409, body: { type: "conflict", code: "pairing_code_used", message: "This pairing code was already used" } }
    used = true
    return {
      status: 201,
      body: { device: { id: "dev_01", name: name ?? "till", point_of_sale: { id: "pos_01", name: "Café bar" } }, token: TOKEN },
    }
  }
}

describe("cashless-reader pair", () => {
  let stub: HttpStub
  let dir: string
  beforeEach(async () => {
    stub = await new HttpStub(pairingServer()).start()
    dir = await mkdtemp(path.join(os.tmpdir(), "cashless-reader-pair-"))
  })
  afterEach(() => stub.stop())

  it("saves the pairing 0600 in a 0700 folder, prints the device and point of sale, never the token", async () => {
    const file = path.join(dir, "conf", "device.json")
    const cap = captureIo()
    const code = await main(["pair", `${stub.url}/`, "k7q4-m2xp", "--name", "Bar reader", "--config", file], cap.io)
    expect(code).toBe(0)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700)
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      server_url: stub.url,
      device_id: "dev_01",
      device_name: "Bar reader",
      point_of_sale: { id: "pos_01", name: "Café bar" },
      token: TOKEN,
      paired_at: expect.any(String),
    })
    expect(cap.text()).toContain('"Bar reader" (dev_01) with point of sale "Café bar" (pos_01)')
    expect(cap.text()).not.toContain(TOKEN)
    expect(stub.requests[0].body).toEqual({ code: "k7q4-m2xp", name: "Bar reader", agent_version: expect.any(String) })
  })

  it("replaces an earlier pairing atomically, keeping mode 0600", async () => {
    const file = path.join(dir, "device.json")
    await writeFile(file, "{}", { mode: 0o644 })
    expect(await main(["pair", stub.url, "K7Q4M2XP", "--config", file], captureIo().io)).toBe(0)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(file, "utf8")).token).toBe(TOKEN)
  })

  it("says why a code is refused and writes nothing", async () => {
    const file = path.join(dir, "device.json")
    const cap = captureIo()
    expect(await main(["pair", stub.url, "WRONG-CODE", "--config", file], cap.io)).toBe(1)
    expect(cap.text()).toContain("Unknown pairing code: create a new one in Cashless → Devices (pairing_code_invalid)")
    await expect(stat(file)).rejects.toThrow("ENOENT")
  })

  it("names a server that does not answer", async () => {
    await stub.stop()
    const cap = captureIo()
    expect(await main(["pair", stub.url, "K7Q4M2XP", "--config", path.join(dir, "d.json")], cap.io)).toBe(1)
    expect(cap.text()).toContain(`${stub.url} does not answer`)
  })

  it("works as the installed command, with the config path from CASHLESS_READER_CONFIG", async () => {
    const file = path.join(dir, "env", "device.json")
    const cli = spawnCli(["pair", stub.url, "K7Q4-M2XP"], { CASHLESS_READER_CONFIG: file })
    expect(await cli.exited).toBe(0)
    expect(cli.stdout()).toContain("Café bar")
    expect(cli.stdout() + cli.stderr()).not.toContain(TOKEN)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })
})
