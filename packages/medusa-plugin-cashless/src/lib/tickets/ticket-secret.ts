/**
 * Whether `value` has the shape of a ticket secret: `tk_` and 24 base64url characters (144 random
 * bits). Anything else is refused before any database query: a garbled scan or a guess costs a
 * regular expression, not a lookup.
 */
export function isTicketSecretShape(value: unknown): value is string {
  return typeof value === "string" && /^tk_[A-Za-z0-9_-]{24}$/.test(value)
}
