import { useEffect, useSyncExternalStore } from "react"
import { tillFetch } from "./http"

/**
 * Whether the server answers, from the heartbeat and from every till request: the screen says
 * so at once instead of letting a cashier wait on a spinner. 401 is told apart: the server is
 * up but this login has expired.
 */
export type ServerState = "unknown" | "ok" | "unreachable" | "logged_out"

let state: ServerState = "unknown"
const listeners = new Set<() => void>()

export function reportServer(next: ServerState) {
  if (next === state) return
  state = next
  listeners.forEach((l) => l())
}

/** The state an HTTP outcome reveals. */
export function serverStateOf(outcome: { kind: "network" } | { kind: "answer"; status: number }): ServerState {
  if (outcome.kind === "network") return "unreachable"
  if (outcome.status === 401) return "logged_out"
  return outcome.status >= 500 && outcome.status !== 501 ? "unreachable" : "ok"
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

export const useServerState = () => useSyncExternalStore(subscribe, () => state)

/** Pings `GET /admin/cashless/ping`: every 5 s, every 2 s while it fails. */
export function useServerHeartbeat() {
  const current = useServerState()
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const beat = async () => {
      const outcome = await tillFetch({ method: "GET", path: "/admin/cashless/ping", timeoutMs: 4_000 })
      if (stopped) return
      reportServer(serverStateOf(outcome))
      timer = setTimeout(beat, state === "ok" ? 5_000 : 2_000)
    }
    void beat()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [])
  return current
}

/** Resolves after `ms`, or as soon as the server is seen answering again: a retry need not wait out its back-off. */
export function sleepUnlessServerBack(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wasOk = state === "ok"
    const done = () => {
      clearTimeout(timer)
      listeners.delete(onChange)
      resolve()
    }
    const onChange = () => {
      if (!wasOk && state === "ok") done()
    }
    const timer = setTimeout(done, ms)
    listeners.add(onChange)
  })
}
