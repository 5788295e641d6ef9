/**
 * The agent's side of the device contract (/work/device-contract.md): pairing, the device's own
 * routes, posting taps. Every call returns the status and the parsed JSON body; what a status
 * means is decided by the caller (pair, doctor and the remote sender each react differently).
 */
export type ApiAnswer = { status: number; body: Record<string, unknown> }

export type PairAnswer = {
  device: { id: string; name: string; point_of_sale: { id: string; name: string } }
  token: string
}

export class ServerUnreachableError extends Error {}

/** `https://shop.example.org/` → `https://shop.example.org`; anything but http(s) is refused. */
export function normalizeServerUrl(input: string): string {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    throw new Error(`"${input}" is not a URL: give the shop's address, e.g. https://shop.example.org`)
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`"${input}" must start with http:// or https://`)
  }
  return url.toString().replace(/\/+$/, "")
}

export async function callServer(
  serverUrl: string,
  method: "GET" | "POST",
  route: string,
  { token, body, timeoutMs = 10_000 }: { token?: string; body?: unknown; timeoutMs?: number } = {}
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { accept: "application/json" }
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers["content-type"] = "application/json"
  let res: Response
  try {
    res = await fetch(`${serverUrl}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(Math.max(1, timeoutMs)),
    })
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause
    const why = cause?.code ?? cause?.message ?? (err as Error).message
    throw new ServerUnreachableError(`${serverUrl} does not answer (${why})`)
  }
  const text = await res.text().catch(() => "")
  let parsed: unknown = {}
  try {
    parsed = text ? JSON.parse(text) : {}
  } catch {
    parsed = { message: text.slice(0, 200) }
  }
  const bodyObj = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {}
  return { status: res.status, body: bodyObj }
}

/** The server's error as one readable line: its message, else its code, else the status. */
export function describeError(answer: ApiAnswer): string {
  const { code, type, message } = answer.body
  const label = typeof code === "string" ? code : typeof type === "string" ? type : `HTTP ${answer.status}`
  return typeof message === "string" && message ? `${message} (${label})` : `${label} (HTTP ${answer.status})`
}
