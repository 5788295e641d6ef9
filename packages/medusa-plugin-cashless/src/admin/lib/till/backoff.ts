/**
 * Waits between attempts: doubling from `baseMs` up to `maxMs`, with "full jitter" (a random
 * point in the upper half) so that the tills of a festival do not all knock on the server at
 * the same instant when it comes back.
 */
export type Backoff = { baseMs: number; maxMs: number }

export const SERVER_BACKOFF: Backoff = { baseMs: 500, maxMs: 8_000 }
export const READER_BACKOFF: Backoff = { baseMs: 250, maxMs: 5_000 }

/** `attempt` counts failures so far, from 1. */
export function backoffDelay(attempt: number, { baseMs, maxMs }: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}
