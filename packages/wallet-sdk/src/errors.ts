/**
 * A refusal of the shop, carrying the server's own words: the plugin's messages are written for
 * the person at the screen ("No card has this QR code.", "A top-up is from 5.00 EUR to 500.00 EUR…"),
 * so `message` can be shown as it is.
 */
export class CashlessApiError extends Error {
  override readonly name = "CashlessApiError"
  /** HTTP status; 0 when the shop could not be reached at all. */
  readonly status: number
  /** The plugin's machine-readable reason (`card_not_found`, `card_unusable`…), or Medusa's error type. */
  readonly code: string
  /** Medusa's error type (`not_found`, `invalid_data`, `not_allowed`, `unauthorized`…), when given. */
  readonly type: string | null
  /** The answer's body, parsed when it was JSON. */
  readonly body: unknown

  constructor(status: number, code: string, message: string, type: string | null = null, body: unknown = null) {
    super(message)
    this.status = status
    this.code = code
    this.type = type
    this.body = body
  }
}

type ErrorBody = { message?: unknown; code?: unknown; type?: unknown }

/** The error of a non-2xx answer: the server's message when it sent one, else the status line. */
export function apiError(status: number, statusText: string, body: unknown): CashlessApiError {
  const b = (body && typeof body === "object" ? body : {}) as ErrorBody
  const text = typeof body === "string" ? body.trim() : ""
  const message =
    typeof b.message === "string" && b.message ? b.message : text && text.length < 500 ? text : `${status} ${statusText || "error"}`
  const type = typeof b.type === "string" ? b.type : null
  const code = typeof b.code === "string" && b.code ? b.code : (type ?? `http_${status}`)
  return new CashlessApiError(status, code, message, type, body)
}
