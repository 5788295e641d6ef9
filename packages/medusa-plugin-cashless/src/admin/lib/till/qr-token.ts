/**
 * What a QR scan gives → the card's QR token. The code printed on a card encodes a URL ending
 * in the token (`http://…/cashless/card/<token>`, the card module's `qrUrl`); a scanner that
 * types, or a person, may give that URL or the bare token. Tokens are base64url, 22 to 128
 * characters (src/lib/qr-token.ts, which uses node's crypto and so cannot be bundled here).
 */
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/

export function extractQrToken(text: string): string | null {
  const trimmed = text.trim()
  if (TOKEN.test(trimmed)) return trimmed
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  const fromQuery = url.searchParams.get("token")
  if (fromQuery && TOKEN.test(fromQuery)) return fromQuery
  const segments = url.pathname.split("/").filter(Boolean)
  const last = segments.length ? safeDecode(segments[segments.length - 1]) : null
  return last && TOKEN.test(last) ? last : null
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
