/**
 * An error as Stripe answers it: `{ error: { type, code, message, param, … } }` with its HTTP
 * status. The SDK turns `type` into its error classes (`card_error` → StripeCardError, …) and the
 * provider decides on them (a card error keeps the intent, an api_error is "indeterminate").
 */
export type StripeErrorType = "api_error" | "card_error" | "idempotency_error" | "invalid_request_error"

export class StripeError extends Error {
  /** What Stripe sends for what the failed call still changed (a declined card fails the intent). */
  events: Array<{ type: string; object: unknown }> = []

  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly extra: { code?: string; param?: string; decline_code?: string; payment_intent?: unknown } = {}
  ) {
    super(message)
  }

  get body() {
    return { error: { type: this.type, message: this.message, ...this.extra } }
  }
}

export const missing = (what: string, id: string, param?: string) =>
  new StripeError(404, "invalid_request_error", `No such ${what}: '${id}'`, { code: "resource_missing", param })
