import { EventEmitter } from "node:events"
import { Backoff } from "../src/backoff"
import { memoryLogger } from "../src/log"
import { compileReaderFilter } from "../src/reader-filter"
import type { NfcConstructor } from "../src/sources/nfc-module"
import { PcscSource } from "../src/sources/pcsc-source"
import type { PcscState, ReaderInfo } from "../src/sources/reader-source"
import { eventually } from "./helpers/http-stub"

describe("back-off schedule", () => {
  it("doubles from 0.5 s up to a 30 s cap, and starts over after a reset", () => {
    const backoff = new Backoff(500, 30_000)
    const first = Array.from({ length: 9 }, () => backoff.next())
    expect(first).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000])
    backoff.reset()
    expect([backoff.next(), backoff.next()]).toEqual([500, 1000])
  })
})

/** nfc-pcsc's NFC and Reader as far as the agent uses them; each context is recorded. */
class FakeReader extends EventEmitter {
  autoProcessing = true
  closed = false
  reader = { close: () => void (this.closed = true) }
  constructor(readonly name: string, private readonly uid = "04a1b2c3") {
    super()
  }
  async transmit(): Promise<Buffer> {
    return Buffer.concat([Buffer.from(this.uid, "hex"), Buffer.from([0x90, 0x00])])
  }
}

function fakeNfc() {
  const contexts: (EventEmitter & { closed: boolean; close(): void })[] = []
  class FakeNfc extends EventEmitter {
    closed = false
    constructor() {
      super()
      contexts.push(this)
    }
    close() {
      this.closed = true
    }
  }
  return { contexts, NFC: FakeNfc as unknown as NfcConstructor }
}

function setup(pcscdUp: { value: boolean }) {
  const { contexts, NFC } = fakeNfc()
  const log = memoryLogger()
  const states: PcscState[] = []
  const readerLists: ReaderInfo[][] = []
  const delays: number[] = []
  const backoff = new Backoff(5, 40)
  const next = backoff.next.bind(backoff)
  backoff.next = () => {
    const d = next()
    delays.push(d)
    return d
  }
  const source = new PcscSource({
    filter: compileReaderFilter(),
    log,
    loadNfc: () => NFC,
    probe: async () => (pcscdUp.value ? { ok: true } : { ok: false, reason: "ECONNREFUSED" }),
    backoff,
    probeIntervalMs: 5,
    stableAfterMs: 60_000,
  })
  source.on("pcsc", (s) => states.push(s))
  source.on("readers", (r) => readerLists.push(r))
  return { source, contexts, log, states, readerLists, delays }
}

describe("PC/SC context recovery (fake nfc-pcsc)", () => {
  it("never creates a context while pcscd does not answer, and creates one once it does", async () => {
    const pcscd = { value: false }
    const { source, contexts, states, log } = setup(pcscd)
    source.start()
    await eventually(() => log.entries.some((e) => e.msg === "pcscd does not answer: waiting for it"), "the warning")
    await new Promise((r) => setTimeout(r, 50)) // several probes
    expect(contexts).toHaveLength(0)
    expect(states).toEqual(["down"])
    pcscd.value = true
    await eventually(() => contexts.length === 1, "a context")
    expect(states).toEqual(["down", "ok"])
    await source.stop()
  })

  it("after pcscd dies (context and readers error then end), closes that context later and makes one new context", async () => {
    const pcscd = { value: true }
    const { source, contexts, states, readerLists, delays } = setup(pcscd)
    const cards: string[] = []
    source.on("card", (uid, reader) => cards.push(`${reader}:${uid}`))
    source.start()
    await eventually(() => contexts.length === 1, "the first context")
    const readerA = new FakeReader("ACS ACR122U 00")
    const readerB = new FakeReader("ACS ACR122U 01")
    contexts[0].emit("reader", readerA)
    contexts[0].emit("reader", readerB)
    expect(readerA.autoProcessing).toBe(false) // the agent reads the UID itself
    expect(readerLists.at(-1)?.map((r) => r.name)).toEqual(["ACS ACR122U 00", "ACS ACR122U 01"])

    pcscd.value = false
    const transport = new Error("SCardGetStatusChange error: RPC transport error.(0x80100013)")
    readerA.emit("error", transport)
    readerA.emit("end")
    contexts[0].emit("error", transport)
    readerB.emit("error", transport)
    readerB.emit("end")
    // The close happens after the native callback returned (closing inside it deadlocks).
    expect(contexts[0].closed).toBe(false)
    await eventually(() => contexts[0].closed, "the old context closed")
    expect(states).toEqual(["ok", "down"])
    expect(readerLists.at(-1)).toEqual([])

    await new Promise((r) => setTimeout(r, 60))
    expect(contexts).toHaveLength(1) // pcscd still away: no context
    pcscd.value = true
    await eventually(() => contexts.length === 2, "a new context")
    expect(delays).toEqual([5]) // one failure for the whole burst
    expect(states).toEqual(["ok", "down", "ok"])

    const again = new FakeReader("ACS ACR122U 00", "04a1b2c3d4e5f6")
    contexts[1].emit("reader", again)
    again.emit("card", {})
    await eventually(() => cards.length === 1, "a card read through the new context")
    expect(cards).toEqual(["ACS ACR122U 00:04a1b2c3d4e5f6"])
    await source.stop()
  })

  it("backs off further on repeated failures, and ignores late events of a dropped context", async () => {
    const pcscd = { value: true }
    const { source, contexts, delays, states } = setup(pcscd)
    source.start()
    for (let i = 1; i <= 4; i++) {
      await eventually(() => contexts.length === i, `context ${i}`)
      contexts[i - 1].emit("error", new Error("boom"))
    }
    await eventually(() => contexts.length === 5, "context 5")
    expect(delays).toEqual([5, 10, 20, 40])
    contexts[0].emit("error", new Error("late")) // from a dropped context: nothing happens
    expect(states.at(-1)).toBe("ok")
    expect(delays).toHaveLength(4)
    await source.stop()
  })

  it("a reader unplugged and plugged back leaves and rejoins the list without a new context", async () => {
    const { source, contexts, readerLists } = setup({ value: true })
    source.start()
    await eventually(() => contexts.length === 1, "the context")
    const reader = new FakeReader("ACS ACR122U 00")
    contexts[0].emit("reader", reader)
    reader.emit("end")
    expect(readerLists.at(-1)).toEqual([])
    contexts[0].emit("reader", new FakeReader("ACS ACR122U 00"))
    expect(readerLists.at(-1)).toEqual([{ name: "ACS ACR122U 00", kept: true }])
    expect(contexts).toHaveLength(1)
    await source.stop()
  })

  it("reads no card from a reader the filter leaves out, but lists it", async () => {
    const { source, contexts, readerLists } = setup({ value: true })
    const cards: string[] = []
    source.on("card", (uid) => cards.push(uid))
    source.start()
    await eventually(() => contexts.length === 1, "the context")
    const virtual = new FakeReader("Virtual PCD 00 00")
    contexts[0].emit("reader", virtual)
    virtual.emit("card", {})
    await new Promise((r) => setTimeout(r, 20))
    expect(cards).toEqual([])
    expect(readerLists.at(-1)).toEqual([{ name: "Virtual PCD 00 00", kept: false }])
    await source.stop()
  })
})
