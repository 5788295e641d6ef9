/**
 * Keys remembered for a while, at most `max` of them (the oldest go first): tap ids seen by this
 * process when there is no Redis to share them.
 */
export class TtlSet {
  private readonly expiries = new Map<string, number>()

  constructor(
    private readonly max = 10_000,
    private readonly now: () => number = Date.now
  ) {}

  /** Adds the key; false when it was there and not yet expired. */
  add(key: string, ttlMs: number): boolean {
    const t = this.now()
    const expiry = this.expiries.get(key)
    if (expiry !== undefined && expiry > t) return false
    // Re-inserted at the end: Map keeps insertion order, so the first keys are the oldest.
    this.expiries.delete(key)
    this.expiries.set(key, t + ttlMs)
    while (this.expiries.size > this.max) this.expiries.delete(this.expiries.keys().next().value as string)
    return true
  }

  get size() {
    return this.expiries.size
  }
}
