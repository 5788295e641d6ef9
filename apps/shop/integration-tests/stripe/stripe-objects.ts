import { randomBytes } from "node:crypto"

/** Ids shaped like Stripe's: a prefix and 24 random characters. */
export const stripeId = (prefix: string) => `${prefix}_${randomBytes(18).toString("base64url").replace(/[-_]/g, "").slice(0, 24)}`
export const now = () => Math.floor(Date.now() / 1000)

export type IntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "succeeded"
  | "canceled"

/** The fields of Stripe's PaymentIntent that Medusa's provider and a storefront read. */
export type PaymentIntent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  canceled_at: number | null
  cancellation_reason: string | null
  capture_method: "automatic" | "automatic_async" | "manual"
  client_secret: string
  confirmation_method: "automatic" | "manual"
  created: number
  currency: string
  customer: string | null
  description: string | null
  last_payment_error: LastPaymentError | null
  latest_charge: string | null
  livemode: false
  metadata: Record<string, string>
  next_action: null
  payment_method: string | null
  payment_method_types: string[]
  status: IntentStatus
}

export type LastPaymentError = { type: "card_error"; code: string; decline_code?: string; message: string; payment_method: PaymentMethod }

export type Charge = {
  id: string
  object: "charge"
  amount: number
  amount_captured: number
  amount_refunded: number
  captured: boolean
  created: number
  currency: string
  livemode: false
  metadata: Record<string, string>
  paid: boolean
  payment_intent: string
  payment_method: string
  refunded: boolean
  status: "succeeded" | "failed"
}

export type Refund = {
  id: string
  object: "refund"
  amount: number
  charge: string
  created: number
  currency: string
  metadata: Record<string, string>
  payment_intent: string
  reason: string | null
  status: "succeeded"
}

export type Customer = {
  id: string
  object: "customer"
  created: number
  email: string | null
  name: string | null
  phone: string | null
  metadata: Record<string, string>
  livemode: false
}

export type PaymentMethod = {
  id: string
  object: "payment_method"
  type: "card"
  card: { brand: string; last4: string; exp_month: number; exp_year: number; funding: "credit" }
  created: number
  livemode: false
}

export type StripeEvent = {
  id: string
  object: "event"
  api_version: string
  created: number
  data: { object: unknown }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

/**
 * Stripe's test payment methods: `pm_card_visa` and `pm_card_mastercard` succeed,
 * `pm_card_chargeDeclined` is declined (https://docs.stripe.com/testing#declined-payments).
 */
export const TEST_CARDS: Record<string, { brand: string; last4: string; decline?: string }> = {
  pm_card_visa: { brand: "visa", last4: "4242" },
  pm_card_mastercard: { brand: "mastercard", last4: "4444" },
  pm_card_chargeDeclined: { brand: "visa", last4: "0002", decline: "generic_decline" },
  pm_card_chargeDeclinedInsufficientFunds: { brand: "visa", last4: "9995", decline: "insufficient_funds" },
}

export const paymentMethodOf = (id: string): PaymentMethod | undefined => {
  const card = TEST_CARDS[id]
  if (!card) return undefined
  return {
    id,
    object: "payment_method",
    type: "card",
    card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: new Date().getFullYear() + 3, funding: "credit" },
    created: now(),
    livemode: false,
  }
}
