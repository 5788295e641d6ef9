import type { TillEvent } from "../events"
import { MemoryTapBus } from "../memory-bus"
import { TtlSet } from "../ttl-set"

const tap = (tap_id: string): TillEvent => ({ type: "tap", uid: "04A1B2C3", reader: "r", at: new Date(0).toISOString(), device_id: "d", device_name: "n", tap_id })

describe("the in-process till tap bus", () => {
  it("delivers to the pages of one point of sale only, and counts them", async () => {
    const bus = new MemoryTapBus()
    const a: TillEvent[] = []
    const b: TillEvent[] = []
    const stopA = await bus.subscribe("pos_a", (e) => a.push(e))
    await bus.subscribe("pos_b", (e) => b.push(e))
    expect(await bus.publish("pos_a", tap("1"))).toBe(1)
    expect(a.map((e) => (e as { tap_id: string }).tap_id)).toEqual(["1"])
    expect(b).toEqual([])
    stopA()
    expect(bus.localListeners("pos_a")).toBe(0)
    expect(await bus.publish("pos_a", tap("2"))).toBe(0)
    expect(a).toHaveLength(1)
  })

  it("counts the same handler subscribed twice as two pages, and each unsubscribes its own", async () => {
    const bus = new MemoryTapBus()
    const seen: TillEvent[] = []
    const handler = (e: TillEvent) => seen.push(e)
    const first = await bus.subscribe("pos", handler)
    await bus.subscribe("pos", handler)
    expect(await bus.publish("pos", tap("1"))).toBe(2)
    first()
    first()
    expect(bus.localListeners("pos")).toBe(1)
  })

  it("claims a key once until it expires", async () => {
    let now = 0
    const set = new TtlSet(3, () => now)
    expect(set.add("k", 1000)).toBe(true)
    expect(set.add("k", 1000)).toBe(false)
    now = 1001
    expect(set.add("k", 1000)).toBe(true)
    for (const k of ["a", "b", "c", "d"]) set.add(k, 1000)
    expect(set.size).toBe(3)
    // The oldest went first.
    expect(set.add("k", 1000)).toBe(true)
  })
})
