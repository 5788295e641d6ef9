/**
 * Exponential back-off: how long to wait before the next attempt after a failure. Recreating
 * the PC/SC context too eagerly against a flapping pcscd burns the Pi's CPU; waiting too long
 * leaves the till without a reader, hence the cap and the reset once something works again.
 */
export class Backoff {
  private attempt = 0

  constructor(
    private readonly initialMs = 500,
    private readonly maxMs = 30_000,
    private readonly factor = 2
  ) {}

  /** The delay before the next attempt; each call doubles the following one, up to the cap. */
  next(): number {
    const delay = Math.min(this.maxMs, this.initialMs * this.factor ** this.attempt)
    if (delay < this.maxMs) this.attempt++
    return delay
  }

  reset(): void {
    this.attempt = 0
  }
}
