import { ReaderSource, type PcscState } from "../../src/sources/reader-source"

/** A reader source driven by the test: readers come and go, cards enter and leave the field. */
export class FakeSource extends ReaderSource {
  readonly kind = "fake" as const
  started = false
  stopped = false
  private names: string[] = []

  start(): void {
    this.started = true
  }

  async stop(): Promise<void> {
    this.stopped = true
  }

  pcsc(state: PcscState): void {
    this.emit("pcsc", state)
  }

  plug(...names: string[]): void {
    this.names.push(...names.filter((n) => !this.names.includes(n)))
    this.emit("readers", this.names.map((name) => ({ name, kept: true })))
  }

  unplug(name: string): void {
    this.names = this.names.filter((n) => n !== name)
    this.emit("readers", this.names.map((n) => ({ name: n, kept: true })))
  }

  /** pcscd died: every reader vanished at once, no card.off. */
  pcscDown(): void {
    this.names = []
    this.emit("pcsc", "down")
    this.emit("readers", [])
  }

  put(uid: string, reader = "ACS ACR122U PICC Interface 00 00"): void {
    this.emit("card", uid, reader)
  }

  lift(reader = "ACS ACR122U PICC Interface 00 00"): void {
    this.emit("card.off", reader)
  }
}

/** A clock the test moves by hand: debounce windows without waiting or asserting real time. */
export function manualClock(start = Date.parse("2026-05-01T10:00:00Z")) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}
