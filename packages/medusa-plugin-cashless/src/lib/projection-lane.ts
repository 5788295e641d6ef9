/**
 * Till sales wait here for their Medusa order, a few at a time. A projection costs several times
 * a sale (an order, its payments, its stock), so projecting every sale the moment it is recorded
 * takes the CPU from the taps still queueing at the bar; in one lane, orders trail the sales at
 * the rush and catch up when it calms down. A sale already waiting is not queued twice (the
 * re-drive job and the subscriber may both bring it).
 */
export class ProjectionLane {
  private running = 0
  private readonly waiting: Array<() => void> = []
  private readonly queued = new Set<string>()

  constructor(readonly concurrency: number) {
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new Error(`projection concurrency must be a whole number from 1, got ${concurrency}`)
  }

  /** Sales waiting or being projected in this process. */
  get size(): number {
    return this.queued.size
  }

  has(saleId: string): boolean {
    return this.queued.has(saleId)
  }

  /** Runs `job` for this sale when a place is free; a sale already in the lane is not run again (answers false). */
  async run(saleId: string, job: () => Promise<unknown>): Promise<boolean> {
    if (this.queued.has(saleId)) return false
    this.queued.add(saleId)
    try {
      if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve))
      this.running++
      try {
        await job()
      } finally {
        this.running--
        this.waiting.shift()?.()
      }
      return true
    } finally {
      this.queued.delete(saleId)
    }
  }
}

const fromEnv = Number(process.env.CASHLESS_PROJECTION_CONCURRENCY ?? 1)

/** This process's lane (`CASHLESS_PROJECTION_CONCURRENCY`, default 1). */
export const projectionLane = new ProjectionLane(Number.isSafeInteger(fromEnv) && fromEnv >= 1 ? fromEnv : 1)
