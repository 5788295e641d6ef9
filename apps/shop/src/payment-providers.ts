/** Medusa's Stripe provider, registered as `stripe`: regions list it as `pp_stripe_stripe`. */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
/** Medusa's system provider ("manual" payments), which its payment module always registers. */
export const SYSTEM_PROVIDER_ID = "pp_system_default"

type Env = Record<string, string | undefined>

/** Stripe is configured when its secret key is; without it the shop has the system provider only. */
export const stripeConfigured = (env: Env = process.env) => !!env.STRIPE_API_KEY

/**
 * The payment module with Medusa's Stripe provider when `STRIPE_API_KEY` is set; nothing otherwise
 * (Medusa then registers the payment module with its system provider alone, as before).
 *
 * - Manual capture: the plugin captures digital orders (top-ups, memberships) itself as soon as
 *   they are placed, and merchants capture orders of goods when they ship them.
 * - `STRIPE_WEBHOOK_SECRET` is the endpoint's signing secret (`whsec_…`); without it every webhook
 *   fails its signature check.
 * - No `webhook_delay`: Medusa's webhook route reads it from the payment module's `options`, which
 *   the module does not expose, so every webhook is handled 5 s after it arrives (docs/stripe.md).
 * - `STRIPE_PROVIDER_MODULE` is for the tests only: they cannot reach Stripe, so they name a
 *   subclass of Medusa's provider whose client calls their local Stripe-compatible server
 *   (integration-tests/stripe/local-stripe-provider.ts). An environment variable rather than a
 *   second config file: the test runner reloads medusa-config.ts itself (a hook's changes are lost)
 *   and its `medusaConfigFile` option also moves the app directory; refused in production.
 */
export function paymentModule(env: Env = process.env) {
  if (!stripeConfigured(env)) return []
  if (env.STRIPE_PROVIDER_MODULE && env.NODE_ENV === "production") {
    throw new Error("STRIPE_PROVIDER_MODULE is for tests only; unset it in production")
  }
  return [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: env.STRIPE_PROVIDER_MODULE || "@medusajs/medusa/payment-stripe",
            id: "stripe",
            options: { apiKey: env.STRIPE_API_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, capture: false },
          },
        ],
      },
    },
  ]
}
