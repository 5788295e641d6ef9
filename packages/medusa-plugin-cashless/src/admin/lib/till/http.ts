/**
 * The till's own HTTP calls. The js-sdk's fetch keeps only the message of an error, and the
 * till needs the whole answer (a 402 says by how much the wallet is short), tells a network
 * failure from a refusal, and sends a manager's token instead of the cashier's cookie.
 */
export type ErrorBody = { code?: string; type?: string; message?: string } & Record<string, unknown>

export type Outcome<T> =
  | { kind: "answer"; status: number; body: T | ErrorBody }
  | { kind: "network"; reason: "timeout" | "offline"; message: string }

export type TillRequest = {
  method: "GET" | "POST"
  path: string
  body?: unknown
  /** A manager's token: sent instead of the session cookie. */
  token?: string
  /** Sends no cookie (a manager's login). */
  anonymous?: boolean
  timeoutMs?: number
}

const BASE = (import.meta.env?.VITE_BACKEND_URL as string | undefined)?.replace(/\/$/, "") ?? ""

export async function tillFetch<T>({ method, path, body, token, anonymous, timeoutMs = 15_000 }: TillRequest): Promise<Outcome<T>> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      // With a manager's token the cashier's session cookie must stay home: Medusa would
      // authenticate the cookie first, and the request would be the cashier's.
      credentials: token || anonymous ? "omit" : "include",
      signal: controller.signal,
    })
    const text = await res.text()
    let parsed: unknown = {}
    try {
      parsed = text ? JSON.parse(text) : {}
    } catch {
      parsed = { message: text.slice(0, 300) }
    }
    return { kind: "answer", status: res.status, body: parsed as T | ErrorBody }
  } catch (err) {
    const timedOut = controller.signal.aborted
    return { kind: "network", reason: timedOut ? "timeout" : "offline", message: timedOut ? "no answer in time" : (err as Error).message }
  } finally {
    clearTimeout(timer)
  }
}

export const isSuccess = <T>(o: Outcome<T>): o is { kind: "answer"; status: number; body: T } =>
  o.kind === "answer" && o.status >= 200 && o.status < 300

/** The server's sentence for people, or a fallback. */
export const messageOf = (o: Outcome<unknown>, fallback: string): string =>
  o.kind === "answer" ? String((o.body as ErrorBody)?.message || fallback) : fallback
