/**
 * Turns "a card is in the field" / "the field is empty" into taps. A card held on the reader is
 * one tap; a new tap needs the card to leave first. Radio is noisy: a card at the edge of the
 * field drops out and comes back within a poll or two (pcscd polls every ~400 ms), and when
 * pcscd restarts a card still lying on the reader is reported again. Neither is a new tap: a
 * second tap would charge the customer twice.
 */
import type { Logger } from "./log"
import { normalizeCardUid } from "./uid"

export type Tap = { type: "tap"; uid: string; reader: string; at: string }

export type TapDetectorOptions = {
  onTap: (tap: Tap) => void
  log: Logger
  /** The same card back within this window after leaving is the same tap. 0 for stdin. */
  flickerMs?: number
  /** After a reader comes back (pcscd restart), the card it still holds is not a new tap. */
  reappearGraceMs?: number
  now?: () => number
}

type ReaderState = {
  present: string | null
  /** `at` is null while the reader is away: the grace starts when it comes back. */
  left: { uid: string; at: number | null; graceMs: number } | null
}

export class TapDetector {
  private readonly states = new Map<string, ReaderState>()
  private readonly flickerMs: number
  private readonly reappearGraceMs: number
  private readonly now: () => number

  constructor(private readonly opts: TapDetectorOptions) {
    this.flickerMs = opts.flickerMs ?? 300
    this.reappearGraceMs = opts.reappearGraceMs ?? 1500
    this.now = opts.now ?? Date.now
  }

  private stateOf(reader: string): ReaderState {
    let state = this.states.get(reader)
    if (!state) {
      state = { present: null, left: null }
      this.states.set(reader, state)
    }
    return state
  }

  card(rawUid: string, reader: string): void {
    let uid: string
    try {
      uid = normalizeCardUid(rawUid)
    } catch (err) {
      this.opts.log.warn("not a card UID: ignored", { reader, error: (err as Error).message })
      return
    }
    const state = this.stateOf(reader)
    if (state.present === uid) return
    const left = state.left
    state.present = uid
    state.left = null
    if (left && left.uid === uid && (left.at === null || this.now() - left.at < left.graceMs)) {
      this.opts.log.debug("same card back at once: same tap", { reader, uid })
      return
    }
    this.opts.onTap({ type: "tap", uid, reader, at: new Date(this.now()).toISOString() })
  }

  cardOff(reader: string): void {
    const state = this.stateOf(reader)
    if (state.present) state.left = { uid: state.present, at: this.now(), graceMs: this.flickerMs }
    state.present = null
  }

  /**
   * The reader list changed. A reader that vanished with a card on it (pcscd died: no card.off)
   * keeps that card as "just left"; when the reader is back, the card still lying there within a
   * longer grace is not a new tap.
   */
  readersChanged(kept: string[]): void {
    const now = this.now()
    for (const [name, state] of this.states) {
      if (!kept.includes(name)) {
        if (state.present) state.left = { uid: state.present, at: null, graceMs: this.reappearGraceMs }
        state.present = null
      } else if (state.left && state.left.at === null) {
        state.left.at = now
      }
    }
  }
}
