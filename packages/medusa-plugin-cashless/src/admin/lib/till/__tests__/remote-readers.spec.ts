import type { ReaderTap } from "../reader-protocol"
import { onlineCount, RemoteReaders, type RemoteState } from "../remote-readers"

class FakeSource {
  static last: FakeSource
  onopen: ((ev: unknown) => void) | null = null
  onerror: ((ev: unknown) => void) | null = null
  closed = false
  private listeners = new Map<string, (ev: { data: string }) => void>()
  constructor(readonly url: string) {
    FakeSource.last = this
  }
  addEventListener(type: string, listener: (ev: { data: string }) => void) {
    this.listeners.set(type, listener)
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) })
  }
  close() {
    this.closed = true
  }
}

describe("the till's remote readers (server stream)", () => {
  const now = Date.parse("2026-12-01T12:00:00Z")
  const setup = () => {
    const states: RemoteState[] = []
    const taps: ReaderTap[] = []
    const timers: Array<() => void> = []
    const remote = new RemoteReaders({
      url: "/admin/cashless/tills/pos_1/taps/stream",
      onTap: (t) => taps.push(t),
      onState: (s) => states.push(s),
      createSource: (u) => new FakeSource(u),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => {},
      now: () => now,
    })
    remote.start()
    return { remote, states, taps, timers }
  }

  it("lists the paired readers, counts those online, and passes their taps on with a normalized UID", () => {
    const { states, taps } = setup()
    expect(states.at(-1)).toEqual({ kind: "connecting" })
    FakeSource.last.emit("devices", {
      devices: [
        { id: "d1", name: "Bar left", last_seen_at: new Date(now - 20_000).toISOString(), readers: ["ACR122U"], pcsc: "ok", online: true },
        { id: "d2", name: "Bar right", last_seen_at: new Date(now - 600_000).toISOString(), readers: [], pcsc: null, online: false },
      ],
    })
    const connected = states.at(-1) as Extract<RemoteState, { kind: "connected" }>
    expect(onlineCount(connected.devices, now)).toBe(1)

    FakeSource.last.emit("tap", { type: "tap", uid: "04a1b2c3", reader: "ACR122U", at: "2026-12-01T11:59:59.000Z", device_id: "d2", device_name: "Bar right", tap_id: "t" })
    expect(taps).toEqual([{ type: "tap", uid: "04A1B2C3", reader: "ACR122U", at: "2026-12-01T11:59:59.000Z" }])
    // The reader that tapped is online now.
    expect(onlineCount((states.at(-1) as Extract<RemoteState, { kind: "connected" }>).devices, now)).toBe(2)

    FakeSource.last.emit("tap", { type: "tap", uid: "nonsense", device_id: "d1" })
    expect(taps).toHaveLength(1)
  })

  it("adds a reader paired after the page connected when it speaks, and reconnects when the stream fails", () => {
    const { remote, states, timers } = setup()
    FakeSource.last.emit("devices", { devices: [] })
    FakeSource.last.emit("status", { type: "status", device_id: "d9", device_name: "Gate", readers: ["ACR122U"], pcsc: "down" })
    expect(states.at(-1)).toEqual({ kind: "connected", devices: [{ id: "d9", name: "Gate", readers: ["ACR122U"], pcsc: "down", last_seen_at: new Date(now).toISOString() }] })

    const first = FakeSource.last
    first.onerror?.({})
    expect(first.closed).toBe(true)
    expect(states.at(-1)).toMatchObject({ kind: "unreachable" })
    timers.shift()!()
    expect(FakeSource.last).not.toBe(first)
    remote.stop()
    expect(FakeSource.last.closed).toBe(true)
  })
})
