/**
 * Which web pages may connect to the local reader. Any page the till's browser opens could try
 * ws://127.0.0.1:7373 and watch card UIDs go by; browsers always send the page's Origin on a
 * WebSocket upgrade, so the agent accepts only the till's own admin origin(s).
 */
export const DEFAULT_ALLOWED_ORIGINS = ["http://localhost:9000", "http://127.0.0.1:9000"]

/** `HTTPS://Shop.example.org:443/app` → `https://shop.example.org`; null when not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim())
    if (url.protocol !== "http:" && url.protocol !== "https:") return null
    return url.origin
  } catch {
    return null
  }
}

/**
 * The allow-list: the origins given (flags or env), else the local admin's defaults; plus the
 * paired server's origin, whose admin hosts the till page.
 */
export function allowedOrigins(given: string[], pairedServerUrl?: string): string[] {
  const base = given.length ? given : DEFAULT_ALLOWED_ORIGINS
  const list: string[] = []
  for (const value of [...base, ...(pairedServerUrl ? [pairedServerUrl] : [])]) {
    const origin = normalizeOrigin(value)
    if (!origin) throw new Error(`"${value}" is not an origin: give one like https://shop.example.org`)
    if (!list.includes(origin)) list.push(origin)
  }
  return list
}
