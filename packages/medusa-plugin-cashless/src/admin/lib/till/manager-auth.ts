import { tillFetch } from "./http"

/**
 * A manager's approval on a cashier's till: their email and password give a token for the one
 * request that needs it (sent without the cashier's cookie, see http.ts); the caller drops it
 * afterwards. Answers the token, or the reason it was refused.
 */
export async function managerToken(email: string, password: string): Promise<{ token: string } | { error: "wrong" | "unreachable" }> {
  const outcome = await tillFetch<{ token?: string }>({
    method: "POST",
    path: "/auth/user/emailpass",
    body: { email: email.trim(), password },
    // The cashier stays logged in on this browser: their cookie has no business here.
    anonymous: true,
    timeoutMs: 10_000,
  })
  if (outcome.kind === "network" || outcome.status >= 500) return { error: "unreachable" }
  const token = (outcome.body as { token?: unknown }).token
  return outcome.status === 200 && typeof token === "string" ? { token } : { error: "wrong" }
}
