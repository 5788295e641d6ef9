import { createHmac } from "node:crypto"

/**
 * The `Stripe-Signature` header exactly as Stripe writes it: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<payload>" keyed with the endpoint's signing secret>`
 * (https://docs.stripe.com/webhooks#verify-manually). The SDK's `webhooks.constructEvent`, which
 * Medusa's provider calls, checks it and refuses timestamps older than 5 minutes.
 */
export function stripeSignature(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${v1}`
}
