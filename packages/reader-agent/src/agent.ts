/**
 * The running agent: a source of card events → the tap detector → the till page (local mode),
 * the server (remote mode), or both. It also keeps the status (kept readers, PC/SC state) that
 * both outputs announce on every change.
 */
import { LocalServer, type StatusFrame } from "./local-server"
import type { Logger } from "./log"
import type { RemoteSender } from "./remote-sender"
import type { PcscState, ReaderInfo, ReaderSource } from "./sources/reader-source"
import { TapDetector, type Tap } from "./tap-detector"

export type AgentOptions = {
  source: ReaderSource
  log: Logger
  local?: { host: string; port: number; allowedOrigins: string[] }
  remote?: RemoteSender
  flickerMs?: number
  now?: () => number
  /** Called with every tap after it was handed to the outputs (tests, benchmarks). */
  onTap?: (tap: Tap) => void
}

export class Agent {
  private readers: string[] = []
  private pcsc: PcscState = "down"
  private local: LocalServer | null = null
  private readonly detector: TapDetector
  /** Resolves when the source ends (stdin closed). */
  readonly ended: Promise<void>
  private resolveEnded!: () => void

  constructor(private readonly opts: AgentOptions) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve))
    this.detector = new TapDetector({
      log: opts.log,
      flickerMs: opts.flickerMs ?? (opts.source.kind === "stdin" ? 0 : 300),
      now: opts.now,
      onTap: (tap) => this.onTap(tap),
    })
    const { source } = opts
    source.on("readers", (list: ReaderInfo[]) => {
      const kept = list.filter((r) => r.kept).map((r) => r.name)
      this.detector.readersChanged(kept)
      if (kept.join("\n") === this.readers.join("\n")) return
      this.readers = kept
      this.statusChanged()
    })
    source.on("pcsc", (state: PcscState) => {
      if (state === this.pcsc) return
      this.pcsc = state
      if (source.kind !== "stdin") opts.log.info(state === "ok" ? "PC/SC is up" : "PC/SC is down", { pcsc: state })
      this.statusChanged()
    })
    source.on("card", (uid: string, reader: string) => this.detector.card(uid, reader))
    source.on("card.off", (reader: string) => this.detector.cardOff(reader))
    source.on("end", () => this.resolveEnded())
  }

  status(): StatusFrame {
    return { type: "status", readers: [...this.readers], pcsc: this.pcsc }
  }

  private statusChanged() {
    const frame = this.status()
    this.opts.log.info("status", { readers: frame.readers, pcsc: frame.pcsc })
    this.local?.status(frame)
    this.opts.remote?.status(frame)
  }

  private onTap(tap: Tap) {
    const clients = this.local ? this.local.tap(tap) : undefined
    this.opts.log.info("tap", { uid: tap.uid, reader: tap.reader, at: tap.at, ...(clients === undefined ? {} : { till_pages: clients }) })
    this.opts.onTap?.(tap)
    if (!this.opts.remote) return
    if (this.opts.remote.isRevoked) {
      this.opts.log.warn("tap not sent: this reader's pairing was revoked, pair it again", { uid: tap.uid })
      return
    }
    void this.opts.remote.tap(tap)
  }

  /** Starts the outputs first, so that the first status and taps have somewhere to go. */
  async start(): Promise<{ port?: number }> {
    let port: number | undefined
    if (this.opts.local) {
      this.local = new LocalServer({ ...this.opts.local, log: this.opts.log, currentStatus: () => this.status() })
      port = await this.local.listen()
    }
    if (this.opts.remote) {
      this.opts.remote.start()
      this.opts.remote.status(this.status())
    }
    this.opts.source.start()
    return { port }
  }

  async stop(): Promise<void> {
    await this.opts.source.stop()
    await this.opts.remote?.stop()
    await this.local?.close()
  }
}
