import { useCallback, useRef } from "react"

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts: an admin reached over
 * plain http on a LAN address (a festival back office) has `getRandomValues` but not it.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * One idempotency key per submission of a dialog. Submitting the same payload again (after a
 * timeout or a lost answer, when nobody knows whether the server wrote it) reuses the key, so
 * the ledger posts it at most once; a changed payload is a new submission and gets a new key
 * (the server would refuse a known key with another payload). `done()` after a success, so an
 * identical operation done on purpose later is posted again.
 */
export function useSubmissionKey() {
  const last = useRef<{ payload: string; key: string } | null>(null)
  const keyFor = useCallback((payload: unknown) => {
    const text = JSON.stringify(payload)
    if (last.current?.payload !== text) last.current = { payload: text, key: newIdempotencyKey() }
    return last.current.key
  }, [])
  const done = useCallback(() => {
    last.current = null
  }, [])
  return { keyFor, done }
}
