// The agent through the real PC/SC stack: pcscd with vsmartcard's virtual reader, a fake NFC tag
// speaking vpcd's protocol (src/testing/vpcd-tag.ts), the built CLI as a child process, and a
// WebSocket client standing in for the till page. The suite owns pcscd: it stops the running
// one, runs its own `pcscd -f`, kills and restarts it, and leaves one running at the end.
import { existsSync } from "node:fs"
import { loadNfc } from "../src/sources/nfc-module"
import { PCSCD_BIN, startBackgroundPcscd, startPcscd, stopSystemPcscd, VPCD_DRIVER, type PcscdChild } from "../src/testing/pcscd-control"
import { insertTag } from "../src/testing/vpcd-tag"
import { spawnCli } from "./helpers/cli"
import { eventually, freePort } from "./helpers/http-stub"
import { openTill, openTillWhenUp, type TillClient } from "./helpers/till-client"

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the shared jest helper is CommonJS
const { describeWithRequirements } = require("../../../tools/jest/optional-service.cjs")

const nfcLoads = (() => {
  try {
    loadNfc()
    return true
  } catch {
    return false
  }
})()

const describePcsc = describeWithRequirements({
  name: "pcscd and vsmartcard-vpcd",
  install:
    "apt-get install -y --no-install-recommends pcscd libpcsclite-dev vsmartcard-vpcd, then npm rebuild @pokusew/pcsclite; run as root",
  requirements: [
    { what: `pcscd (${PCSCD_BIN})`, met: existsSync(PCSCD_BIN) },
    { what: `the virtual reader driver (${VPCD_DRIVER})`, met: existsSync(VPCD_DRIVER) },
    { what: "nfc-pcsc with its native addon", met: nfcLoads },
    { what: "root (the suite starts and stops pcscd)", met: process.getuid?.() === 0 },
  ],
})

const ORIGIN = "http://till.test:9000"
const READER = "Virtual PCD 00 00"
const WAIT = 30_000

jest.setTimeout(120_000)

describePcsc("the agent through pcscd and a virtual reader", () => {
  let pcscd: PcscdChild | null = null
  let agent: ReturnType<typeof spawnCli>
  let till: TillClient
  let port: number

  const frames = (type: string) => till.frames.filter((f) => f.type === type)
  const taps = () => frames("tap")
  const waitStatus = (check: (f: Record<string, unknown>) => boolean, from: number, what: string) =>
    eventually(() => frames("status").slice(from).some(check), what, WAIT)

  /** Puts a tag on the reader, waits for its tap on the till page, then lifts it. */
  async function tap(uid: string) {
    const before = taps().length
    const tag = insertTag(uid)
    await tag.connected
    await eventually(() => taps().length > before, `the tap of ${uid}`, WAIT)
    const frame = taps()[before]
    await tag.remove()
    return frame
  }

  beforeAll(async () => {
    await stopSystemPcscd()
    pcscd = await startPcscd()
    port = await freePort()
    agent = spawnCli(["run", "--mode", "local", "--readers", "Virtual PCD", "--port", String(port), "--allow-origin", ORIGIN])
    till = await openTillWhenUp(port, ORIGIN)
    await waitStatus((f) => f.pcsc === "ok" && (f.readers as string[]).includes(READER), 0, "the virtual readers in the status")
  }, 120_000)

  afterAll(async () => {
    till?.close()
    if (agent && agent.child.exitCode === null) {
      agent.child.kill("SIGTERM")
      await agent.exited
    }
    await pcscd?.stop()
    // The machine had a pcscd before the suite (CI starts one): leave one running.
    startBackgroundPcscd()
    if (process.env.CASHLESS_TEST_VERBOSE) process.stderr.write(agent?.stderr() ?? "")
  })

  it("a 7-byte tag on the reader reaches the till page as one tap with the normalized UID", async () => {
    const frame = await tap("04a1b2c3d4e5f6")
    expect(frame).toEqual({ type: "tap", uid: "04A1B2C3D4E5F6", reader: READER, at: expect.any(String) })
  })

  it("after removal, a 4-byte MIFARE Classic tag is a tap of its own", async () => {
    const frame = await tap("a1b2c3d4")
    expect(frame).toMatchObject({ uid: "A1B2C3D4", reader: READER })
  })

  it("a card held on the reader is one tap", async () => {
    const before = taps().length
    const tag = insertTag("04112233445566")
    await eventually(() => taps().length > before, "the tap", WAIT)
    // Several pcscd polls while the card stays on the reader.
    await new Promise((r) => setTimeout(r, 2500))
    await tag.remove()
    await new Promise((r) => setTimeout(r, 1000))
    expect(taps().slice(before).map((f) => f.uid)).toEqual(["04112233445566"])
  })

  it("refuses a page from another origin", async () => {
    expect(await openTill(port, "http://evil.test")).toEqual({ refused: 403 })
  })

  it("when pcscd dies the till sees PC/SC down and doctor says so; when it is back the agent reads again", async () => {
    const statusesBefore = frames("status").length
    await pcscd?.stop()
    pcscd = null
    await waitStatus((f) => f.pcsc === "down", statusesBefore, "PC/SC down on the till page")

    const doctor = spawnCli(["doctor", "--readers", "Virtual PCD", "--config", "/nonexistent/device.json"])
    expect(await doctor.exited).toBe(1)
    expect(doctor.stdout()).toMatch(/^FAIL pcscd does not answer at .*pcscd\.comm/m)
    expect(doctor.stdout()).toContain("→ start it")

    const downAt = frames("status").length
    pcscd = await startPcscd()
    await waitStatus((f) => f.pcsc === "ok" && (f.readers as string[]).includes(READER), downAt, "the readers back")
    const frame = await tap("04c0ffee123456")
    expect(frame).toMatchObject({ uid: "04C0FFEE123456", reader: READER })
    expect(agent.child.exitCode).toBe(null)
  })

  it("sent exactly one tap per card put on the reader, and logged JSON lines", () => {
    expect(taps().map((f) => f.uid)).toEqual(["04A1B2C3D4E5F6", "A1B2C3D4", "04112233445566", "04C0FFEE123456"])
    const lines = agent.stderr().trim().split("\n").map((l) => JSON.parse(l))
    expect(lines.filter((l) => l.msg === "PC/SC context lost: recreating it").length).toBeGreaterThanOrEqual(1)
  })
})
