import { mkdtemp } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { main } from "../src/cli"
import { writeDeviceFile } from "../src/device-file"
import { captureIo } from "./helpers/cli"
import { HttpStub, type StubRequest } from "./helpers/http-stub"

// The server half of doctor against a stub of the contract (the PC/SC half is covered by
// pcsc-stack.spec.ts, which stops pcscd).
describe("doctor: the server and the pairing", () => {
  let stub: HttpStub
  let config: string
  let revoked = false

  beforeAll(async () => {
    stub = await new HttpStub((req: StubRequest) => {
      if (req.url === "/health") return { status: 200, body: "OK" }
      if (req.url === "/cashless/devices/me") {
        if (req.headers.authorization !== "Bearer cdt_good") return { status: 401, body: { code: "device_token_invalid", message: "Unknown reader token" } }
        if (revoked) return { status: 401, body: { code: "device_revoked", message: "This reader was revoked in Cashless → Devices: pair it again" } }
        return { status: 200, body: { device: { id: "dev_1", name: "Bar Pi", point_of_sale: { id: "pos_1", name: "Café bar" } } } }
      }
      return { status: 404, body: {} }
    }).start()
    config = path.join(await mkdtemp(path.join(os.tmpdir(), "cashless-reader-doctor-")), "device.json")
    await writeDeviceFile(config, {
      server_url: stub.url,
      device_id: "dev_1",
      device_name: "Bar Pi",
      point_of_sale: { id: "pos_1", name: "Café bar" },
      token: "cdt_good",
      paired_at: new Date().toISOString(),
    })
  })
  afterAll(() => stub.stop())

  const lines = (text: string, prefix: string) => text.split("\n").filter((l) => l.includes(prefix))

  it("a valid pairing: the server answers and the pairing names the device and the point of sale", async () => {
    revoked = false
    const cap = captureIo()
    await main(["doctor", "--config", config], cap.io)
    expect(lines(cap.text(), "server")).toEqual([`OK   server ${stub.url} answers`])
    expect(lines(cap.text(), "paired as")).toEqual(['OK   paired as "Bar Pi" with point of sale "Café bar"'])
  })

  it("a revoked reader fails the check, says to pair again, and exits 1", async () => {
    revoked = true
    const cap = captureIo()
    expect(await main(["doctor", "--config", config], cap.io)).toBe(1)
    expect(cap.text()).toContain("FAIL pairing refused: This reader was revoked in Cashless → Devices: pair it again (device_revoked)")
    expect(cap.text()).toContain("cashless-reader pair <server-url> <code>")
  })

  it("a server that does not answer fails with what to check", async () => {
    const cap = captureIo()
    expect(await main(["doctor", "--config", path.join(path.dirname(config), "none.json"), "--server", "http://127.0.0.1:9"], cap.io)).toBe(1)
    expect(cap.text()).toMatch(/FAIL server: http:\/\/127\.0\.0\.1:9 does not answer/)
    expect(cap.text()).toContain("SKIP pairing:")
  })
})
