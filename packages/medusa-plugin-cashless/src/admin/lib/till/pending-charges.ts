import { backoffDelay, SERVER_BACKOFF } from "./backoff"
import type { Outcome } from "./http"

/**
 * Money writes the till must not lose nor double. A charge is written to localStorage with its
 * idempotency key BEFORE it is sent, and stays there until the server gives a definitive
 * answer: a network failure, a timeout or a 5xx leave it to be sent again with the same key
 * (the server applies a key once), even after the page is reloaded.
 */
export type PendingCharge = {
  key: string
  pos_id: string
  kind: "sale" | "top_up" | "refund" | "void"
  path: string
  body: Record<string, unknown>
  /** What the screen shows while it waits: the total, and the lines of a sale. */
  display: { total: number; currency_code: string; lines?: Array<{ title: string; quantity: number }> }
  created_at: string
  attempts: number
}

export type Decision = "done" | "retry" | "wallet_short" | "refused" | "logged_out"

/** What to do with an answer. Only a 2xx or a 4xx is definitive; 408 and 429 ask to come back later. */
export function decide(outcome: Outcome<unknown>): Decision {
  if (outcome.kind === "network") return "retry"
  const { status } = outcome
  if (status >= 200 && status < 300) return "done"
  if (status === 401) return "logged_out"
  if (status === 402 && (outcome.body as { code?: string })?.code === "wallet_short") return "wallet_short"
  if (status === 408 || status === 429 || status >= 500) return "retry"
  return "refused"
}

/** The subset of `Storage` used, so tests pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">

const STORAGE_KEY = "cashless.till.pending"

export class PendingChargeStore {
  constructor(private readonly storage: KeyValueStorage) {}

  all(): PendingCharge[] {
    try {
      const parsed = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? "[]")
      return Array.isArray(parsed) ? parsed.filter((c) => c && typeof c.key === "string" && typeof c.path === "string") : []
    } catch {
      return []
    }
  }

  forPointOfSale(posId: string): PendingCharge[] {
    return this.all().filter((c) => c.pos_id === posId)
  }

  save(charge: PendingCharge): void {
    const others = this.all().filter((c) => c.key !== charge.key)
    this.storage.setItem(STORAGE_KEY, JSON.stringify([...others, charge]))
  }

  remove(key: string): void {
    const rest = this.all().filter((c) => c.key !== key)
    if (rest.length) this.storage.setItem(STORAGE_KEY, JSON.stringify(rest))
    else this.storage.removeItem(STORAGE_KEY)
  }
}

export type ChargeResult<T> =
  | { decision: "done"; outcome: Outcome<T> & { kind: "answer" } }
  | { decision: "wallet_short" | "refused"; outcome: Outcome<T> & { kind: "answer" } }
  | { decision: "logged_out"; outcome: Outcome<T> & { kind: "answer" } }
  | { decision: "cancelled" }

export type ChargeDeps<T> = {
  store: PendingChargeStore
  send: (charge: PendingCharge) => Promise<Outcome<T>>
  sleep: (ms: number) => Promise<void>
  /** Told before each wait, so the screen can say "server unreachable — retrying". */
  onRetry?: (attempt: number, delayMs: number, outcome: Outcome<T>) => void
  /** Checked between attempts: leaving the till stops the loop (the charge stays stored). */
  stopped?: () => boolean
  random?: () => number
}

/**
 * Sends a charge until the server answers definitively. The charge is kept in the store while
 * the answer is unknown or the cashier is logged out (a fresh login resumes it), and removed
 * once answered for good.
 */
export async function runCharge<T>(charge: PendingCharge, deps: ChargeDeps<T>): Promise<ChargeResult<T>> {
  let current = { ...charge }
  deps.store.save(current)
  for (;;) {
    const outcome = await deps.send(current)
    const decision = decide(outcome)
    if (decision === "retry") {
      current = { ...current, attempts: current.attempts + 1 }
      deps.store.save(current)
      const delay = backoffDelay(current.attempts, SERVER_BACKOFF, deps.random)
      deps.onRetry?.(current.attempts, delay, outcome)
      await deps.sleep(delay)
      if (deps.stopped?.()) return { decision: "cancelled" }
      continue
    }
    const answered = outcome as Outcome<T> & { kind: "answer" }
    if (decision === "logged_out") return { decision, outcome: answered }
    deps.store.remove(current.key)
    return { decision, outcome: answered }
  }
}
