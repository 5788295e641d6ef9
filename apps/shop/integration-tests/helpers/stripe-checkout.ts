import type { LocalStripe } from "../stripe/local-stripe-server"
import { stripeSdk, type StripeIntent } from "../stripe/stripe-sdk"

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type Shopper = { post: (url: string, body?: unknown) => Promise<Response> }

export const STRIPE = "pp_stripe_stripe"

const must = (what: string, res: Response, status = 200) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data
}

export type StripePayment = { payment_collection_id: string; session_id: string; intent_id: string; client_secret: string }

/**
 * The storefront's part of a Stripe checkout: a payment collection for the cart and a payment
 * session with Medusa's Stripe provider, which creates the PaymentIntent; its client secret is
 * what a storefront hands to Stripe.js.
 */
export async function startStripePayment(shopper: Shopper, cartId: string, data?: Record<string, unknown>): Promise<StripePayment> {
  const collection = must("payment collection", await shopper.post("/store/payment-collections", { cart_id: cartId })).payment_collection
  const session = must(
    "payment session",
    await shopper.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: STRIPE, data })
  ).payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === STRIPE)
  return { payment_collection_id: collection.id, session_id: session.id, intent_id: session.data.id, client_secret: session.data.client_secret }
}

/**
 * What Stripe.js does in the shopper's browser when they pay: confirms the intent with their card
 * (`pm_card_visa` is Stripe's test Visa, `pm_card_chargeDeclined` a declined one). Stripe.js
 * calls with the publishable key and the client secret; here the official SDK calls with the
 * secret key, the same endpoint and parameters.
 */
export function confirmWithCard(stripe: LocalStripe, intentId: string, paymentMethod = "pm_card_visa"): Promise<StripeIntent> {
  return stripeSdk(stripe.url, stripe.apiKey).paymentIntents.confirm(intentId, { payment_method: paymentMethod })
}

/**
 * Pays a cart through Stripe the way a storefront with Stripe.js does — payment session with
 * `pp_stripe_stripe`, card confirmed on Stripe, `POST /store/carts/:id/complete` — and answers
 * the order and the intent.
 */
export async function payWithStripe(
  shopper: Shopper,
  stripe: LocalStripe,
  cartId: string,
  paymentMethod = "pm_card_visa"
): Promise<StripePayment & { order_id: string }> {
  const payment = await startStripePayment(shopper, cartId)
  await confirmWithCard(stripe, payment.intent_id, paymentMethod)
  const done = must("complete", await shopper.post(`/store/carts/${cartId}/complete`, {}))
  if (done.type !== "order") throw new Error(`complete: ${JSON.stringify(done)}`)
  return { ...payment, order_id: done.order.id }
}
