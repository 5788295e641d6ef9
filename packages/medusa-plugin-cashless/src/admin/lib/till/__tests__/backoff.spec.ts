import { backoffDelay, READER_BACKOFF, SERVER_BACKOFF } from "../backoff"

describe("backoffDelay", () => {
  it("doubles from the base up to the ceiling, within the upper half of each step", () => {
    const low = (attempt: number) => backoffDelay(attempt, { baseMs: 500, maxMs: 8000 }, () => 0)
    const high = (attempt: number) => backoffDelay(attempt, { baseMs: 500, maxMs: 8000 }, () => 1)
    expect([1, 2, 3, 4, 5, 6, 20].map(low)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000])
    expect([1, 2, 3, 4, 5, 6, 20].map(high)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000])
  })

  it("never exceeds the ceiling nor goes negative, even for absurd attempt counts", () => {
    for (const attempt of [0, -3, 1, 10, 1000, Number.MAX_SAFE_INTEGER]) {
      for (const policy of [SERVER_BACKOFF, READER_BACKOFF]) {
        const delay = backoffDelay(attempt, policy)
        expect(delay).toBeGreaterThanOrEqual(policy.baseMs / 2)
        expect(delay).toBeLessThanOrEqual(policy.maxMs)
      }
    }
  })
})
