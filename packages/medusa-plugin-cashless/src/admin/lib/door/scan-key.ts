/**
 * The idempotency key of a check-in. Each scan is a new check-in with a fresh key, except the
 * scan whose answer was lost (network down, server error): sending it again, by the Retry button
 * or by scanning the same ticket again, reuses its key, so a ticket the server did let in answers
 * "admitted" again instead of "already checked in by you a second ago".
 */
export type ScanAttempt = { payload: string; key: string }

export function keyForScan(lost: ScanAttempt | null, payload: string, freshKey: () => string): ScanAttempt {
  return lost && lost.payload === payload ? lost : { payload, key: freshKey() }
}
