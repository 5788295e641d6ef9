import { backoffDelay, READER_BACKOFF } from "./backoff"
import { parseReaderMessage, type ReaderTap } from "./reader-protocol"

/** What the till shows about its reader at all times. */
export type ReaderState =
  | { kind: "connecting"; url: string }
  | { kind: "connected"; url: string; readers: string[]; pcsc: "ok" | "down" | "unknown" }
  | { kind: "unreachable"; url: string; retryInMs: number }

type SocketLike = {
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
  close: () => void
}

export type ReaderSocketOptions = {
  url: string
  onTap: (tap: ReaderTap) => void
  onState: (state: ReaderState) => void
  /** Injected by the tests; the browser's WebSocket otherwise. */
  createSocket?: (url: string) => SocketLike
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

/**
 * The till's client of the reader agent: connects, reads taps and status, and reconnects with
 * back-off for as long as the till screen is open (the agent may start after the browser, or
 * restart when the reader is unplugged).
 */
export class ReaderSocket {
  private socket: SocketLike | null = null
  private failures = 0
  private timer: unknown = null
  private closed = false

  constructor(private readonly options: ReaderSocketOptions) {}

  start() {
    this.closed = false
    this.connect()
  }

  stop() {
    this.closed = true
    if (this.timer !== null) (this.options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer)
    this.timer = null
    const socket = this.socket
    this.socket = null
    if (socket) {
      socket.onclose = null
      socket.onerror = null
      socket.onmessage = null
      socket.close()
    }
  }

  private connect() {
    const { url } = this.options
    this.options.onState({ kind: "connecting", url })
    let socket: SocketLike
    try {
      socket = (this.options.createSocket ?? ((u) => new WebSocket(u) as unknown as SocketLike))(url)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = socket
    socket.onopen = () => {
      this.failures = 0
      this.options.onState({ kind: "connected", url, readers: [], pcsc: "unknown" })
    }
    socket.onmessage = (ev) => {
      if (typeof ev.data !== "string") return
      const message = parseReaderMessage(ev.data)
      if (message.type === "tap") this.options.onTap(message)
      else if (message.type === "status") this.options.onState({ kind: "connected", url, readers: message.readers, pcsc: message.pcsc })
    }
    // A refused connection fires error then close: reconnect once, from close.
    socket.onerror = () => {}
    socket.onclose = () => {
      if (this.socket !== socket) return
      this.socket = null
      this.scheduleReconnect()
    }
  }

  private scheduleReconnect() {
    if (this.closed) return
    this.failures += 1
    const delay = backoffDelay(this.failures, READER_BACKOFF)
    this.options.onState({ kind: "unreachable", url: this.options.url, retryInMs: delay })
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = null
      if (!this.closed) this.connect()
    }, delay)
  }
}
