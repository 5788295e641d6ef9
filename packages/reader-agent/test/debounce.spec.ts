import { Agent } from "../src/agent"
import { memoryLogger } from "../src/log"
import type { Tap } from "../src/tap-detector"
import { FakeSource, manualClock } from "./helpers/fake-source"

const READER = "ACS ACR122U PICC Interface 00 00"

function setup({ flickerMs }: { flickerMs?: number } = {}) {
  const source = new FakeSource()
  const clock = manualClock()
  const log = memoryLogger()
  const taps: Tap[] = []
  const agent = new Agent({ source, log, now: clock.now, flickerMs, onTap: (t) => taps.push(t) })
  source.pcsc("ok")
  source.plug(READER)
  return { source, clock, log, taps, agent }
}

describe("taps from card events (fake reader)", () => {
  it("a card held on the reader is one tap, with the UID normalized and the time of the read", () => {
    const { source, clock, taps } = setup()
    source.put("04a1b2c3d4e5f6")
    clock.advance(5000)
    source.put("04a1b2c3d4e5f6")
    source.put("04A1B2C3D4E5F6")
    expect(taps).toEqual([{ type: "tap", uid: "04A1B2C3D4E5F6", reader: READER, at: "2026-05-01T10:00:00.000Z" }])
  })

  it("removal then a new tap of the same card is two taps", () => {
    const { source, clock, taps } = setup()
    source.put("04a1b2c3")
    clock.advance(800)
    source.lift()
    clock.advance(1000)
    source.put("04a1b2c3")
    expect(taps.map((t) => t.uid)).toEqual(["04A1B2C3", "04A1B2C3"])
  })

  it("a flicker (card off and the same card back within 300 ms) is still one tap", () => {
    const { source, clock, taps } = setup()
    source.put("04a1b2c3")
    clock.advance(400)
    source.lift()
    clock.advance(250)
    source.put("04a1b2c3")
    clock.advance(2000)
    source.lift()
    clock.advance(299)
    source.put("04a1b2c3")
    expect(taps).toHaveLength(1)
  })

  it("another card within the flicker window is a tap of its own", () => {
    const { source, clock, taps } = setup()
    source.put("04a1b2c3")
    source.lift()
    clock.advance(50)
    source.put("a1b2c3d4")
    expect(taps.map((t) => t.uid)).toEqual(["04A1B2C3", "A1B2C3D4"])
  })

  it("a card swapped for another without a card.off in between is a new tap", () => {
    const { source, taps } = setup()
    source.put("04a1b2c3")
    source.put("a1b2c3d4")
    expect(taps.map((t) => t.uid)).toEqual(["04A1B2C3", "A1B2C3D4"])
  })

  it("readers are independent: the same card on two readers is two taps", () => {
    const { source, taps } = setup()
    source.plug("Second reader")
    source.put("04a1b2c3", READER)
    source.put("04a1b2c3", "Second reader")
    expect(taps.map((t) => t.reader)).toEqual([READER, "Second reader"])
  })

  it("a card still on the reader when pcscd restarts is not a new tap; a card put later is", () => {
    const { source, clock, taps } = setup()
    source.put("04a1b2c3")
    source.pcscDown()
    clock.advance(4000) // pcscd away for a while
    source.pcsc("ok")
    source.plug(READER)
    clock.advance(200)
    source.put("04a1b2c3") // reported again by the new context
    expect(taps).toHaveLength(1)
    source.lift()
    clock.advance(1000)
    source.put("04a1b2c3")
    expect(taps).toHaveLength(2)
  })

  it("ignores what is not a UID, saying so", () => {
    const { source, taps, log } = setup()
    source.put("04a1b2")
    expect(taps).toEqual([])
    expect(log.entries.find((e) => e.level === "warn")?.msg).toBe("not a card UID: ignored")
  })

  it("with flickerMs 0 (stdin), the same UID twice is two taps", () => {
    const { source, taps } = setup({ flickerMs: 0 })
    source.put("04a1b2c3")
    source.lift()
    source.put("04a1b2c3")
    expect(taps).toHaveLength(2)
  })
})

describe("status from reader events", () => {
  it("lists the kept readers and the PC/SC state, announcing each change once", () => {
    const source = new FakeSource()
    const log = memoryLogger()
    const agent = new Agent({ source, log })
    expect(agent.status()).toEqual({ type: "status", readers: [], pcsc: "down" })
    source.pcsc("ok")
    source.plug("A")
    source.emit("readers", [
      { name: "A", kept: true },
      { name: "Virtual PCD 00 00", kept: false },
    ])
    expect(agent.status()).toEqual({ type: "status", readers: ["A"], pcsc: "ok" })
    source.unplug("A")
    expect(agent.status().readers).toEqual([])
    expect(log.entries.filter((e) => e.msg === "status").map((e) => e.fields.readers)).toEqual([[], ["A"], []])
  })
})
