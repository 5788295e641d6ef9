import { apiError, CashlessApiError } from "./errors.js"

export type Auth = { token: string } | "session" | undefined

export type Transport = {
  baseUrl: string
  publishableKey: string
  auth: () => Auth
  fetch: typeof fetch
}

type Query = Record<string, string | number | null | undefined>

/**
 * One call to the shop with Medusa's store conventions: the publishable key header on every
 * request, then the customer's JWT as a bearer token, or the session cookie (`credentials:
 * "include"`, which the shop's STORE_CORS/AUTH_CORS must allow for a page on another origin).
 */
export async function call<T>(t: Transport, method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const url = new URL(t.baseUrl.replace(/\/+$/, "") + path)
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v))
  const headers: Record<string, string> = { accept: "application/json", "x-publishable-api-key": t.publishableKey }
  if (body !== undefined) headers["content-type"] = "application/json"
  const auth = t.auth()
  if (auth && auth !== "session") headers.authorization = `Bearer ${auth.token}`
  let res: Response
  try {
    res = await t.fetch(url.toString(), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: auth === "session" ? "include" : "omit",
    })
  } catch (err) {
    // A refused CORS preflight and a shop that is down look the same from here.
    const why = err instanceof Error ? err.message : String(err)
    throw new CashlessApiError(0, "network_error", `The shop could not be reached at ${t.baseUrl} (${why}).`)
  }
  const text = await res.text()
  let data: unknown = text
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    // Not JSON (a proxy's error page): kept as text for the error.
  }
  if (!res.ok) throw apiError(res.status, res.statusText, data)
  return data as T
}
