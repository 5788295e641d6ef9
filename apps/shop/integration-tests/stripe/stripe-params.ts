import type { Form, FormValue } from "./stripe-form"
import { StripeError } from "./stripe-errors"

/**
 * What each endpoint accepts, as Stripe's API reference lists it (the parts a Medusa shop can
 * send). `true`: a value; `"hash"`: free keys (metadata, payment method options); a nested
 * object: only those keys. Stripe refuses anything else with 400 `parameter_unknown`, and so does
 * the local server, so a provider or SDK upgrade that starts sending a new parameter is noticed.
 */
type Accepted = { [param: string]: true | "hash" | Accepted }

const address: Accepted = { city: true, country: true, line1: true, line2: true, postal_code: true, state: true }
const shipping: Accepted = { address, name: true, phone: true, carrier: true, tracking_number: true }

const intentCommon: Accepted = {
  amount: true,
  currency: true,
  customer: true,
  description: true,
  metadata: "hash",
  payment_method: true,
  payment_method_data: "hash",
  payment_method_options: "hash",
  payment_method_types: true,
  payment_method_configuration: true,
  receipt_email: true,
  setup_future_usage: true,
  shipping,
  statement_descriptor: true,
  statement_descriptor_suffix: true,
  capture_method: true,
  expand: true,
}

export const ACCEPTED: Record<string, Accepted> = {
  "payment_intents.create": {
    ...intentCommon,
    automatic_payment_methods: { enabled: true, allow_redirects: true },
    confirm: true,
    confirmation_method: true,
    off_session: true,
    return_url: true,
  },
  "payment_intents.retrieve": { client_secret: true, expand: true },
  "payment_intents.update": intentCommon,
  "payment_intents.confirm": {
    payment_method: true,
    payment_method_data: "hash",
    payment_method_options: "hash",
    capture_method: true,
    off_session: true,
    receipt_email: true,
    return_url: true,
    setup_future_usage: true,
    shipping,
    expand: true,
  },
  "payment_intents.capture": {
    amount_to_capture: true,
    final_capture: true,
    metadata: "hash",
    statement_descriptor: true,
    statement_descriptor_suffix: true,
    expand: true,
  },
  "payment_intents.cancel": { cancellation_reason: true, expand: true },
  "refunds.create": {
    amount: true,
    charge: true,
    payment_intent: true,
    reason: true,
    metadata: "hash",
    instructions_email: true,
    refund_application_fee: true,
    reverse_transfer: true,
    expand: true,
  },
  "refunds.retrieve": { expand: true },
  "customers.create": {
    address,
    description: true,
    email: true,
    metadata: "hash",
    name: true,
    phone: true,
    shipping,
    payment_method: true,
    expand: true,
  },
  "customers.update": { address, description: true, email: true, metadata: "hash", name: true, phone: true, shipping, expand: true },
  "customers.retrieve": { expand: true },
}

/** Refuses the first parameter the endpoint does not know, naming it as Stripe does (`a[b]`). */
export function refuseUnknown(endpoint: string, params: Form): void {
  const unknown = firstUnknown(ACCEPTED[endpoint] ?? {}, params, [])
  if (unknown) {
    throw new StripeError(400, "invalid_request_error", `Received unknown parameter: ${unknown}`, { code: "parameter_unknown", param: unknown })
  }
}

function firstUnknown(accepted: Accepted, params: Form, path: string[]): string | undefined {
  for (const [key, value] of Object.entries(params)) {
    const rule = accepted[key]
    const name = [...path, key].map((k, i) => (i ? `[${k}]` : k)).join("")
    if (!rule) return name
    if (typeof rule === "object" && isForm(value)) {
      const nested = firstUnknown(rule, value, [...path, key])
      if (nested) return nested
    }
  }
  return undefined
}

const isForm = (value: FormValue): value is Form => typeof value === "object" && !Array.isArray(value)

/** A required positive integer (amounts are in the currency's smallest unit). */
export function integerParam(params: Form, name: string, required = false): number | undefined {
  const raw = params[name]
  if (raw === undefined) {
    if (required) throw new StripeError(400, "invalid_request_error", `Missing required param: ${name}.`, { code: "parameter_missing", param: name })
    return undefined
  }
  if (typeof raw !== "string" || !/^-?\d+$/.test(raw)) {
    throw new StripeError(400, "invalid_request_error", `Invalid integer: ${String(raw)}`, { code: "parameter_invalid_integer", param: name })
  }
  return Number(raw)
}

export function stringParam(params: Form, name: string, required = false): string | undefined {
  const raw = params[name]
  if (raw === undefined || raw === "") {
    if (required) throw new StripeError(400, "invalid_request_error", `Missing required param: ${name}.`, { code: "parameter_missing", param: name })
    return undefined
  }
  if (typeof raw !== "string") {
    throw new StripeError(400, "invalid_request_error", `Invalid string: ${JSON.stringify(raw)}`, { code: "parameter_invalid_string", param: name })
  }
  return raw
}

/** `metadata[k]=v`; an empty value unsets the key, as on Stripe. */
export function metadataParam(current: Record<string, string>, params: Form): Record<string, string> {
  const given = params.metadata
  if (given === undefined) return current
  if (!isForm(given)) throw new StripeError(400, "invalid_request_error", "Invalid hash", { code: "parameter_invalid_hash", param: "metadata" })
  const next = { ...current }
  for (const [k, v] of Object.entries(given)) {
    if (v === "") delete next[k]
    else next[k] = String(v)
  }
  return next
}

export function expandParam(params: Form): string[] {
  const raw = params.expand
  return Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : []
}

/** A parameter whose validation errors Stripe does not store under the idempotency key. */
export const VALIDATION_CODES = new Set(["parameter_unknown", "parameter_missing", "parameter_invalid_integer", "parameter_invalid_string", "parameter_invalid_hash"])
