import { LocalStripe } from "./local-stripe-server"

/**
 * Starts the local Stripe server before the Medusa app boots and configures the app for it:
 * the secret key and webhook secret as a shop's .env would, and the test-only provider module
 * (whose client calls the server). Call at the top of a spec, outside medusaIntegrationTestRunner:
 * root hooks run before the runner's own, which loads medusa-config.ts from these variables.
 */
export function useLocalStripe(): () => LocalStripe {
  let server: LocalStripe | undefined
  const names = ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PROVIDER_MODULE", "LOCAL_STRIPE_URL"]
  const before = Object.fromEntries(names.map((n) => [n, process.env[n]]))
  beforeAll(async () => {
    server = await LocalStripe.start()
    process.env.STRIPE_API_KEY = server.apiKey
    process.env.STRIPE_WEBHOOK_SECRET = server.webhookSecret
    process.env.STRIPE_PROVIDER_MODULE = require.resolve("./local-stripe-provider")
    process.env.LOCAL_STRIPE_URL = server.url
  })
  afterAll(async () => {
    await server?.stop()
    for (const n of names) {
      if (before[n] === undefined) delete process.env[n]
      else process.env[n] = before[n]
    }
  })
  return () => {
    if (!server) throw new Error("the local Stripe server starts in beforeAll")
    return server
  }
}
