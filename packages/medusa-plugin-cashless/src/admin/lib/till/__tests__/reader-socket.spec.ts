import { ReaderSocket, type ReaderState } from "../reader-socket"
import type { ReaderTap } from "../reader-protocol"

class FakeSocket {
  onopen: ((ev: unknown) => void) | null = null
  onmessage: ((ev: { data: unknown }) => void) | null = null
  onclose: ((ev: unknown) => void) | null = null
  onerror: ((ev: unknown) => void) | null = null
  closed = false
  constructor(readonly url: string) {}
  close() {
    this.closed = true
  }
}

describe("ReaderSocket", () => {
  const setup = () => {
    const sockets: FakeSocket[] = []
    const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = []
    const states: ReaderState[] = []
    const taps: ReaderTap[] = []
    const reader = new ReaderSocket({
      url: "ws://127.0.0.1:7373",
      onTap: (tap) => taps.push(tap),
      onState: (s) => states.push(s),
      createSocket: (url) => {
        const socket = new FakeSocket(url)
        sockets.push(socket)
        return socket
      },
      setTimer: (fn, ms) => {
        const timer = { fn, ms, cleared: false }
        timers.push(timer)
        return timer
      },
      clearTimer: (timer) => {
        ;(timer as { cleared: boolean }).cleared = true
      },
    })
    return { reader, sockets, timers, states, taps }
  }

  it("connects, reports the agent's status and passes on normalized taps, ignoring bad frames", () => {
    const s = setup()
    s.reader.start()
    expect(s.states.at(-1)).toEqual({ kind: "connecting", url: "ws://127.0.0.1:7373" })
    s.sockets[0].onopen!({})
    expect(s.states.at(-1)).toEqual({ kind: "connected", url: "ws://127.0.0.1:7373", readers: [], pcsc: "unknown" })
    s.sockets[0].onmessage!({ data: '{"type":"status","readers":["ACR122U"],"pcsc":"ok"}' })
    expect(s.states.at(-1)).toEqual({ kind: "connected", url: "ws://127.0.0.1:7373", readers: ["ACR122U"], pcsc: "ok" })
    s.sockets[0].onmessage!({ data: '{"type":"tap","uid":"04:de:4d:00:00:00:01","reader":"ACR122U","at":"2025-07-01T20:00:00Z"}' })
    s.sockets[0].onmessage!({ data: "garbage" })
    s.sockets[0].onmessage!({ data: new ArrayBuffer(4) })
    expect(s.taps).toEqual([{ type: "tap", uid: "04DE4D00000001", reader: "ACR122U", at: "2025-07-01T20:00:00Z" }])
  })

  it("reconnects with growing back-off while the agent is away, and resets it once connected", () => {
    const s = setup()
    s.reader.start()
    for (let i = 0; i < 4; i++) {
      s.sockets[i].onerror!({})
      s.sockets[i].onclose!({})
      expect(s.states.at(-1)).toMatchObject({ kind: "unreachable" })
      s.timers[i].fn()
    }
    const delays = s.timers.map((t) => t.ms)
    expect(delays[3]).toBeGreaterThan(delays[0])
    expect(s.sockets).toHaveLength(5)
    s.sockets[4].onopen!({})
    s.sockets[4].onclose!({})
    expect(s.timers[4].ms).toBeLessThanOrEqual(250)
  })

  it("stops for good: closes the socket and cancels the pending reconnection", () => {
    const s = setup()
    s.reader.start()
    s.sockets[0].onclose!({})
    s.reader.stop()
    expect(s.timers[0].cleared).toBe(true)
    s.timers[0].fn()
    expect(s.sockets).toHaveLength(1)

    const t = setup()
    t.reader.start()
    t.sockets[0].onopen!({})
    t.reader.stop()
    expect(t.sockets[0].closed).toBe(true)
    expect(t.timers).toHaveLength(0)
  })
})
