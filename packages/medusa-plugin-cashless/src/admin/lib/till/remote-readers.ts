import { normalizeCardUid } from "../../../lib/card-uid"
import { backoffDelay, READER_BACKOFF } from "./backoff"
import type { ReaderTap } from "./reader-protocol"

/** Seen within this many seconds: online (the agent's heartbeat is every 30 s). */
export const REMOTE_ONLINE_SECONDS = 90

export type RemoteDevice = { id: string; name: string; last_seen_at: string | null; readers: string[]; pcsc: "ok" | "down" | null }

/** What the till shows about the paired readers of its point of sale. */
export type RemoteState = { kind: "connecting" } | { kind: "connected"; devices: RemoteDevice[] } | { kind: "unreachable"; retryInMs: number }

type EventSourceLike = {
  onopen: ((ev: unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
  addEventListener: (type: string, listener: (ev: { data: string }) => void) => void
  close: () => void
}

export type RemoteReadersOptions = {
  url: string
  onTap: (tap: ReaderTap) => void
  onState: (state: RemoteState) => void
  /** Injected by the tests; the browser's EventSource (same-origin cookie) otherwise. */
  createSource?: (url: string) => EventSourceLike
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  now?: () => number
}

/** Paired readers seen lately. */
export const onlineCount = (devices: RemoteDevice[], now: number) =>
  devices.filter((d) => d.last_seen_at && now - Date.parse(d.last_seen_at) < REMOTE_ONLINE_SECONDS * 1000).length

const parse = (data: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(data)
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * The till's client of the server's tap stream (remote mode): the paired readers of its point
 * of sale, their status, and their taps. Reconnects with back-off itself rather than leaving it
 * to EventSource, so a refused stream (logged out, 403) is retried slowly and shown as such.
 */
export class RemoteReaders {
  private source: EventSourceLike | null = null
  private devices: RemoteDevice[] = []
  private failures = 0
  private timer: unknown = null
  private closed = false

  constructor(private readonly options: RemoteReadersOptions) {}

  start() {
    this.closed = false
    this.connect()
  }

  stop() {
    this.closed = true
    if (this.timer !== null) (this.options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer)
    this.timer = null
    this.source?.close()
    this.source = null
  }

  private now() {
    return (this.options.now ?? Date.now)()
  }

  private connect() {
    this.options.onState({ kind: "connecting" })
    let source: EventSourceLike
    try {
      source = (this.options.createSource ?? ((u) => new EventSource(u, { withCredentials: true }) as unknown as EventSourceLike))(this.options.url)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.source = source
    source.addEventListener("devices", (ev) => {
      const data = parse(ev.data)
      if (!data || !Array.isArray(data.devices)) return
      this.failures = 0
      this.devices = (data.devices as RemoteDevice[]).map((d) => ({ id: d.id, name: d.name, last_seen_at: d.last_seen_at, readers: d.readers ?? [], pcsc: d.pcsc ?? null }))
      this.emit()
    })
    source.addEventListener("status", (ev) => {
      const data = parse(ev.data)
      if (!data || typeof data.device_id !== "string") return
      this.seen(data.device_id, String(data.device_name ?? ""), {
        readers: Array.isArray(data.readers) ? data.readers.filter((r): r is string => typeof r === "string") : [],
        pcsc: data.pcsc === "ok" || data.pcsc === "down" ? data.pcsc : null,
      })
    })
    source.addEventListener("tap", (ev) => {
      const data = parse(ev.data)
      if (!data || typeof data.uid !== "string" || typeof data.device_id !== "string") return
      let uid: string
      try {
        uid = normalizeCardUid(data.uid)
      } catch {
        return
      }
      this.seen(data.device_id, String(data.device_name ?? ""), {})
      this.options.onTap({ type: "tap", uid, reader: typeof data.reader === "string" && data.reader ? data.reader : String(data.device_name ?? ""), at: typeof data.at === "string" ? data.at : new Date().toISOString() })
    })
    source.onerror = () => {
      if (this.source !== source) return
      source.close()
      this.source = null
      this.scheduleReconnect()
    }
  }

  /** A reader that just spoke is online; one paired after the page connected is added. */
  private seen(id: string, name: string, change: Partial<RemoteDevice>) {
    const at = new Date(this.now()).toISOString()
    const known = this.devices.find((d) => d.id === id)
    this.devices = known
      ? this.devices.map((d) => (d.id === id ? { ...d, ...change, last_seen_at: at } : d))
      : [...this.devices, { id, name, readers: [], pcsc: null, ...change, last_seen_at: at }]
    this.emit()
  }

  private emit() {
    this.options.onState({ kind: "connected", devices: this.devices })
  }

  private scheduleReconnect() {
    if (this.closed) return
    this.failures += 1
    const delay = backoffDelay(this.failures, { baseMs: 1000, maxMs: Math.max(READER_BACKOFF.maxMs, 15_000) })
    this.options.onState({ kind: "unreachable", retryInMs: delay })
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = null
      if (!this.closed) this.connect()
    }, delay)
  }
}
