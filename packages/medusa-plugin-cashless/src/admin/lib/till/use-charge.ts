import { useCallback, useEffect, useRef, useState } from "react"
import { tillCall } from "./api"
import type { Outcome } from "./http"
import { PendingChargeStore, runCharge, type ChargeResult, type KeyValueStorage, type PendingCharge } from "./pending-charges"
import { sleepUnlessServerBack } from "./server-health"

/** What the screen shows while a charge is under way. */
export type ChargeView =
  | { phase: "sending" }
  | { phase: "retrying"; attempts: number; reason: "unreachable" | "server_error" }
  | { phase: "logged_out" }

/** Charges survive a reload in the browser's storage. */
export const browserChargeStore = () => new PendingChargeStore(localStorage)

class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>()
  getItem(key: string) {
    return this.map.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.map.set(key, value)
  }
  removeItem(key: string) {
    this.map.delete(key)
  }
}

/**
 * A manager's action is retried the same way but not stored: its token must not outlive the
 * action, and without it a reloaded page could not send it anyway (its key still protects it
 * when the manager approves it again).
 */
export const memoryChargeStore = () => new PendingChargeStore(new MemoryStorage())

export function useChargeRunner() {
  const [view, setView] = useState<ChargeView | null>(null)
  const unmounted = useRef(false)
  useEffect(() => {
    unmounted.current = false
    return () => {
      unmounted.current = true
    }
  }, [])

  const run = useCallback(
    async <T>(charge: PendingCharge, options: { token?: string; store?: PendingChargeStore } = {}): Promise<ChargeResult<T>> => {
      setView({ phase: "sending" })
      const result = await runCharge<T>(charge, {
        store: options.store ?? browserChargeStore(),
        send: (c) => tillCall<T>({ method: "POST", path: c.path, body: c.body, token: options.token }),
        sleep: sleepUnlessServerBack,
        onRetry: (attempts, _delay, outcome: Outcome<T>) => {
          if (!unmounted.current) setView({ phase: "retrying", attempts, reason: outcome.kind === "network" ? "unreachable" : "server_error" })
        },
        stopped: () => unmounted.current,
      })
      if (!unmounted.current) setView(result.decision === "logged_out" ? { phase: "logged_out" } : null)
      return result
    },
    []
  )
  return { view, run }
}
