import { createRequire } from "node:module"

/**
 * The official `stripe` SDK, the very copy Medusa's provider uses (its own nested stripe@15,
 * not the stripe@19 that @medusajs/payment hoists), pointed at the local server: what the tests
 * call as a storefront's server or Stripe.js would. Typed for the few calls the tests make.
 */
export type StripeSdk = {
  paymentIntents: {
    create(params: Record<string, unknown>, options?: { idempotencyKey?: string }): Promise<StripeIntent>
    retrieve(id: string, params?: Record<string, unknown>): Promise<StripeIntent>
    confirm(id: string, params?: Record<string, unknown>): Promise<StripeIntent>
  }
  refunds: { create(params: Record<string, unknown>, options?: { idempotencyKey?: string }): Promise<{ id: string; amount: number; status: string }> }
}
export type StripeIntent = { id: string; amount: number; currency: string; status: string; client_secret: string; metadata: Record<string, string> }
export type StripeSdkError = Error & { type: string; code?: string; param?: string; statusCode?: number; raw: Record<string, unknown> }

type SdkClass = new (apiKey: string, config: Record<string, unknown>) => StripeSdk

/**
 * The SDK class as the provider resolves it. (Not `client.constructor`: stripe-node replaces
 * `Stripe.prototype` with a plain object, so an instance's constructor is `Object`.)
 */
export const StripeSdkClass = (): SdkClass => createRequire(require.resolve("@medusajs/payment-stripe"))("stripe") as SdkClass

/** The client's settings that send every call to `baseUrl` (host, port, http or https). */
export const localClientConfig = (baseUrl: string) => {
  const url = new URL(baseUrl)
  return { host: url.hostname, port: Number(url.port), protocol: url.protocol.replace(":", "") }
}

export function stripeSdk(baseUrl: string, apiKey: string): StripeSdk {
  const Stripe = StripeSdkClass()
  return new Stripe(apiKey, localClientConfig(baseUrl))
}
