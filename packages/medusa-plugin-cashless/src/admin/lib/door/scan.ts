/**
 * What the scanner field (or the camera) read → what to send to the door. A ticket's QR code
 * encodes its page, `…/cashless/tickets/<secret>`; staff may also type the bare secret
 * (`tk_` + base64url). A cashless card's printed QR code (`…/cashless/card/<token>`) is no
 * ticket: it is told apart so the screen can say "tap the card" instead of "unknown ticket".
 */
export type Scan = { kind: "ticket"; secret: string } | { kind: "card_qr" } | { kind: "not_a_ticket" } | { kind: "empty" }

/** `tk_` and 24 base64url characters today (144 bits); a longer secret is let through to the server. */
const SECRET = /^tk_[A-Za-z0-9_-]{16,128}$/

export function parseScan(text: string): Scan {
  // Scanners end with Enter, sometimes Tab, and a pasted link may carry spaces or line breaks.
  const trimmed = text.replace(/\s+/g, "")
  if (!trimmed) return { kind: "empty" }
  if (SECRET.test(trimmed)) return { kind: "ticket", secret: trimmed }
  const path = pathOf(trimmed)
  if (!path) return { kind: "not_a_ticket" }
  const segments = path.split("/").filter(Boolean).map(safeDecode)
  const last = segments[segments.length - 1]
  const parent = segments[segments.length - 2]
  if (parent === "tickets" && last && SECRET.test(last)) return { kind: "ticket", secret: last }
  if (parent === "card" || segments.includes("card")) return { kind: "card_qr" }
  return { kind: "not_a_ticket" }
}

/** The path of a URL, with or without its scheme (some scanners drop "http://"). */
function pathOf(text: string): string | null {
  for (const candidate of [text, `http://${text}`]) {
    try {
      const url = new URL(candidate)
      if (url.pathname && url.pathname !== "/") return url.pathname
    } catch {
      // not this one
    }
  }
  return null
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
