/**
 * Where taps come from. The agent sees only these events, so the debounce, the till server and
 * the remote sender are tested with a fake source, and PC/SC (or stdin) stays behind one door.
 */
import { EventEmitter } from "node:events"

export type PcscState = "ok" | "down"
export type ReaderInfo = { name: string; kept: boolean }

export type ReaderSourceEvents = {
  /** Every reader PC/SC reports, each marked with whether the name filter keeps it. */
  readers: [readers: ReaderInfo[]]
  /** A card is in the field of a kept reader; `uid` is raw (hex as the reader gave it). */
  card: [uid: string, reader: string]
  /** The card left the reader's field. */
  "card.off": [reader: string]
  /** The PC/SC service answers (ok) or not (down). */
  pcsc: [state: PcscState]
  /** The source ended for good (stdin closed); the agent shuts down. */
  end: []
}

export abstract class ReaderSource extends EventEmitter<ReaderSourceEvents> {
  abstract readonly kind: "pcsc" | "stdin" | "fake"
  abstract start(): void
  abstract stop(): Promise<void>
}
