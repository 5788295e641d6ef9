import type { ProviderWebhookPayload, WebhookActionResult } from "@medusajs/framework/types"
import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeModule from "@medusajs/medusa/payment-stripe"
import { localClientConfig, StripeSdkClass } from "./stripe-sdk"

/**
 * TEST ONLY. Medusa's own Stripe provider (`@medusajs/medusa/payment-stripe`, id `stripe` →
 * `pp_stripe_stripe`), unchanged but for its client: the provider builds it with
 * `new Stripe(apiKey)`, which always calls api.stripe.com, so this subclass rebuilds it with the
 * same SDK (the provider's own stripe@15) pointed at the local server named by
 * `LOCAL_STRIPE_URL`. Every other line that runs is Medusa's. Registered by the tests through
 * `STRIPE_PROVIDER_MODULE` (see apps/shop/src/payment-providers.ts).
 */
type StripeProvider = {
  stripe_: unknown
  getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult>
}
type StripeProviderClass = (new (cradle: Record<string, unknown>, options: { apiKey: string }) => StripeProvider) & { identifier: string }

const MedusaStripeProvider = (StripeModule.services as unknown as StripeProviderClass[]).find((s) => s.identifier === "stripe")!

/** What the provider made of each webhook it was given: the tests' proof that one was checked. */
export type WebhookOutcome = { event_id?: string; type?: string; action?: string; error?: string }
const OUTCOMES = Symbol.for("medusa-cashless.local-stripe.webhook-outcomes")
// On globalThis: Medusa may load this file through another module registry than the test's.
type WithOutcomes = typeof globalThis & { [OUTCOMES]?: WebhookOutcome[] }
export const webhookOutcomes = (): WebhookOutcome[] => ((globalThis as WithOutcomes)[OUTCOMES] ??= [])

class LocalStripeProvider extends MedusaStripeProvider {
  constructor(cradle: Record<string, unknown>, options: { apiKey: string }) {
    super(cradle, options)
    const Stripe = StripeSdkClass()
    this.stripe_ = new Stripe(options.apiKey, localClientConfig(process.env.LOCAL_STRIPE_URL ?? ""))
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    let event: { id?: string; type?: string } = {}
    try {
      event = JSON.parse(Buffer.from(payload.rawData as Buffer).toString("utf8"))
    } catch {
      // Not JSON: the signature check below says so.
    }
    try {
      const result = await super.getWebhookActionAndData(payload)
      webhookOutcomes().push({ event_id: event.id, type: event.type, action: result.action })
      return result
    } catch (err) {
      webhookOutcomes().push({ event_id: event.id, type: event.type, error: (err as Error).message })
      throw err
    }
  }
}

export default ModuleProvider(Modules.PAYMENT, { services: [LocalStripeProvider] })
