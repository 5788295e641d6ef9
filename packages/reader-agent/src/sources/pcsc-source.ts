/**
 * Taps from PC/SC readers through nfc-pcsc, kept alive across pcscd restarts and reader
 * unplugs. What the native layer does that shapes this file (see ../../README.md,
 * "How the agent talks to PC/SC"):
 * - `new NFC()` busy-loops while pcscd does not answer: probe pcscd's socket first;
 * - when pcscd dies, the context and each reader emit `error` then `end`, and a card still on
 *   a reader gets no `card.off`; the old context never recovers: close it, make a new one;
 * - closing a reader from inside one of its callbacks deadlocks: close later (setImmediate);
 * - an `error` event without a listener kills the process: every reader gets one.
 */
import { Backoff } from "../backoff"
import type { Logger } from "../log"
import { keeps, type ReaderFilter } from "../reader-filter"
import { loadNfc as defaultLoadNfc, type NfcConstructor, type NfcContext, type NfcReader } from "./nfc-module"
import { pcscdSocketPath, socketAccepts } from "./pcscd-socket"
import { ReaderSource, type PcscState } from "./reader-source"

/** GET DATA (UID) of the PC/SC part 3 spec: any ISO 14443 card on ACR122U-class readers. */
const GET_UID = Buffer.from([0xff, 0xca, 0x00, 0x00, 0x00])
/** 10 bytes of UID at most, plus the status word. */
const GET_UID_MAX_RESPONSE = 12

export type PcscSourceOptions = {
  filter: ReaderFilter
  log: Logger
  socketPath?: string
  loadNfc?: () => NfcConstructor
  probe?: typeof socketAccepts
  backoff?: Backoff
  /** How often to look for pcscd while it is away (a socket connect: cheap). */
  probeIntervalMs?: number
  /** A context that lived this long without an error counts as a success: the back-off restarts. */
  stableAfterMs?: number
}

type Attached = { reader: NfcReader; kept: boolean; ended: boolean }

export class PcscSource extends ReaderSource {
  readonly kind = "pcsc" as const
  private NFC: NfcConstructor | null = null
  private nfc: NfcContext | null = null
  private readers = new Map<string, Attached>()
  /** Bumped whenever a context is dropped: its late callbacks are then ignored. */
  private generation = 0
  private state: PcscState | null = null
  private stopped = false
  private failing = false
  private retryTimer: NodeJS.Timeout | null = null
  private stableTimer: NodeJS.Timeout | null = null
  private downReason: string | null = null
  private readonly socketPath: string
  private readonly backoff: Backoff

  constructor(private readonly opts: PcscSourceOptions) {
    super()
    this.socketPath = opts.socketPath ?? pcscdSocketPath()
    this.backoff = opts.backoff ?? new Backoff(500, 30_000)
  }

  /** Throws NfcUnavailableError (with what to install) when nfc-pcsc cannot be loaded. */
  start(): void {
    this.NFC = (this.opts.loadNfc ?? defaultLoadNfc)()
    this.stopped = false
    void this.attempt()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.clearTimers()
    this.drop()
  }

  private clearTimers() {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.stableTimer) clearTimeout(this.stableTimer)
    this.retryTimer = this.stableTimer = null
  }

  private schedule(fn: () => void, ms: number) {
    if (this.stopped) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      fn()
    }, ms)
  }

  private setState(state: PcscState) {
    if (this.state === state) return
    this.state = state
    this.emit("pcsc", state)
  }

  private emitReaders() {
    this.emit(
      "readers",
      [...this.readers].map(([name, a]) => ({ name, kept: a.kept }))
    )
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return
    const probe = await (this.opts.probe ?? socketAccepts)(this.socketPath)
    if (this.stopped) return
    if (!probe.ok) {
      this.setState("down")
      if (this.downReason !== probe.reason) {
        this.downReason = probe.reason
        this.opts.log.warn("pcscd does not answer: waiting for it", {
          socket: this.socketPath,
          reason: probe.reason,
          fix: "start pcscd (`sudo systemctl start pcscd.socket`, or `sudo pcscd`); install it with `sudo apt-get install pcscd`",
        })
      }
      this.schedule(() => void this.attempt(), this.opts.probeIntervalMs ?? 1000)
      return
    }
    this.open()
  }

  private open() {
    const generation = ++this.generation
    let nfc: NfcContext
    try {
      nfc = new (this.NFC as NfcConstructor)()
    } catch (err) {
      this.fail(`cannot create the PC/SC context: ${(err as Error).message}`)
      return
    }
    this.nfc = nfc
    this.failing = false
    this.downReason = null
    nfc.on("reader", (reader: NfcReader) => {
      if (generation === this.generation) this.attach(reader, generation)
    })
    nfc.on("error", (err: Error) => {
      if (generation === this.generation) this.fail(`PC/SC error: ${err.message}`)
    })
    this.opts.log.info("PC/SC context ready", { socket: this.socketPath })
    this.setState("ok")
    this.emitReaders()
    this.stableTimer = setTimeout(() => this.backoff.reset(), this.opts.stableAfterMs ?? 5000)
  }

  private attach(reader: NfcReader, generation: number) {
    const name = reader.name
    const kept = keeps(this.opts.filter, name)
    const attached: Attached = { reader, kept, ended: false }
    // We send GET UID ourselves: nfc-pcsc's own processing refuses ISO 14443-4 cards (DESFire,
    // bank cards, phones) without an AID, while GET DATA gives any card's UID.
    reader.autoProcessing = false
    reader.on("error", (err: Error) => {
      if (generation !== this.generation) return
      this.opts.log.warn("reader error", { reader: name, error: err.message })
      this.fail(`reader ${name}: ${err.message}`)
    })
    reader.on("end", () => {
      attached.ended = true
      if (generation !== this.generation) return
      // Unplugged: the context keeps watching and reports the reader again when it is back.
      this.readers.delete(name)
      this.opts.log.info("reader removed", { reader: name })
      this.emitReaders()
    })
    if (kept) {
      reader.on("card", () => void this.readUid(reader, generation))
      reader.on("card.off", () => {
        if (generation === this.generation) this.emit("card.off", name)
      })
    }
    this.readers.set(name, attached)
    this.opts.log.info(kept ? "reader attached" : "reader ignored (filtered out by name)", {
      reader: name,
      filter: this.opts.filter.describe,
    })
    this.emitReaders()
  }

  private async readUid(reader: NfcReader, generation: number) {
    const name = reader.name
    let response: Buffer
    try {
      response = await reader.transmit(GET_UID, GET_UID_MAX_RESPONSE)
    } catch (err) {
      // Typical of a card pulled away mid-read: pcscd still saw it, the radio no longer does.
      // Not a tap; the card.off follows.
      this.opts.log.debug("card left before its UID was read", { reader: name, error: (err as Error).message })
      return
    }
    if (generation !== this.generation) return
    const sw = response.length >= 2 ? response.readUInt16BE(response.length - 2) : -1
    if (sw !== 0x9000 || response.length <= 2) {
      this.opts.log.warn("the card did not give its UID", { reader: name, response: response.toString("hex") })
      return
    }
    this.emit("card", response.subarray(0, -2).toString("hex"), name)
  }

  /** One failure per burst: pcscd dying makes the context and every reader report an error. */
  private fail(reason: string) {
    if (this.failing || this.stopped) return
    this.failing = true
    this.drop()
    this.setState("down")
    this.emitReaders()
    const delay = this.backoff.next()
    this.opts.log.warn("PC/SC context lost: recreating it", { reason, retry_in_ms: delay })
    this.schedule(() => void this.attempt(), delay)
  }

  /** Forget the current context and close it outside the native callback that may be running. */
  private drop() {
    if (this.stableTimer) clearTimeout(this.stableTimer)
    this.stableTimer = null
    this.generation++
    const nfc = this.nfc
    const readers = [...this.readers.values()]
    this.nfc = null
    this.readers.clear()
    if (!nfc) return
    setImmediate(() => {
      for (const a of readers) {
        if (a.ended) continue
        try {
          a.reader.reader.close()
        } catch {
          // already gone with its context
        }
      }
      try {
        nfc.close()
      } catch {
        // a context whose daemon died may refuse to close; it is unreferenced either way
      }
    })
  }
}
