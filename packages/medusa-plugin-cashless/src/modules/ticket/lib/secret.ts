import { randomBytes } from "node:crypto"

/** `tk_` and 24 base64url characters: 144 random bits, not derivable from anything else. */
export const TICKET_SECRET = /^tk_[A-Za-z0-9_-]{24}$/

export const newTicketSecret = () => `tk_${randomBytes(18).toString("base64url")}`

/**
 * The secret in what a scanner read: the bare secret, or the e-ticket page's address the QR
 * carries (`…/tickets/tk_…`, maybe with a query or a trailing slash). Null when it is neither.
 */
export function ticketSecretOf(scanned: string): string | null {
  const text = scanned.trim()
  if (TICKET_SECRET.test(text)) return text
  const match = /\/tickets\/(tk_[A-Za-z0-9_-]{24})\/?(?:[?#].*)?$/.exec(text)
  return match ? match[1] : null
}
