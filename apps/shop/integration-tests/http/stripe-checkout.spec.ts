import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { registerCard } from "../helpers/cards"
import { eventually } from "../helpers/eventually"
import { key, ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { guest, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { confirmWithCard, payWithStripe, startStripePayment, STRIPE } from "../helpers/stripe-checkout"
import { storeCustomer } from "../helpers/store-customer"
import { webhookOutcomes } from "../stripe/local-stripe-provider"
import type { LocalStripe } from "../stripe/local-stripe-server"
import { useLocalStripe } from "../stripe/local-stripe-suite"
import { stripeSdk, type StripeSdkError } from "../stripe/stripe-sdk"
import type { Db } from "../helpers/db"

// Checkout with Medusa's own Stripe provider and the official stripe SDK, against the local
// Stripe-compatible server (these machines cannot reach Stripe; docs/stripe.md runs the same flow
// against Stripe's test mode): a top-up paid by card and captured by the plugin, webhooks signed
// or forged, and the wallet paying part of a cart with Stripe paying the rest.
jest.setTimeout(180_000)
delete process.env.REDIS_URL
const localStripe = useLocalStripe()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let stripe: LocalStripe
    let concert: string
    /** Webhooks Medusa finished handling (its process-payment workflow, run for authorized and captured). */
    const handled = { count: 0 }

    beforeAll(async () => {
      await getContainer().resolve(Modules.WORKFLOW_ENGINE).subscribe({
        workflowId: "process-payment-workflow",
        subscriberId: "stripe-spec",
        subscriber: async (e: { eventType: string }) => void (e.eventType === "onFinish" && handled.count++),
      })
      stripe = localStripe()
      stripe.webhookUrl = `${api.defaults.baseURL}/hooks/payment/stripe_stripe`
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "stripe", { providers: ["pp_system_default", STRIPE] })
      concert = (await shop.product("Concert ticket", 30)).variant_id
    })
    beforeEach(() => {
      stripe.autoWebhooks = true
    })
    afterEach(async () => {
      // Webhooks still on their way are handled before the next test's database is restored.
      await stripe.settled()
      const delivered = stripe.deliveries.filter((d) => d.status === 200).map((d) => d.event.id)
      await eventually(async () => webhookOutcomes().map((o) => o.event_id), (seen) => delivered.every((id) => seen.includes(id)))
      await eventually(async () => handled.count, (n) => n >= workflowsExpected())
      const verified = await admin.post("/admin/cashless/ledger/verify", {})
      expect(verified.data).toMatchObject({ ok: true })
    })

    const qrBalance = async (token: string) => {
      const res = await api.get(`/store/cashless/qr/${token}`, { headers: { "x-publishable-api-key": shop.publishable_key } })
      return (res.data.card.balances as Array<{ asset_code: string; balance: number }>).find((b) => b.asset_code === "EUR")?.balance ?? 0
    }
    const orderOfCart = async (cartId: string) =>
      (await db.raw(`select order_id from order_cart where cart_id = ? and deleted_at is null`, [cartId])).rows[0]?.order_id as string | undefined
    const workflowsExpected = () => webhookOutcomes().filter((o) => o.action === "authorized" || o.action === "captured").length
    const outcomeOf = (eventId: string) => eventually(async () => webhookOutcomes().find((o) => o.event_id === eventId), (o) => !!o)
    /** Counts an event as the app's event bus delivers it to subscribers. */
    const counter = (name: string) => {
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const seen = { count: 0 }
      const subscriberId = `test-${name}-${Date.now()}`
      bus.subscribe(name, async () => void seen.count++, { subscriberId })
      return { seen, stop: () => bus.unsubscribe(name, async () => undefined, { subscriberId }) }
    }

    it("refuses an unknown parameter with Stripe's error, through the official SDK and through Medusa's provider", async () => {
      const logged = jest.spyOn(getContainer().resolve(ContainerRegistrationKeys.LOGGER), "error")
      const sdk = stripeSdk(stripe.url, stripe.apiKey)
      const unknown = (await sdk.paymentIntents.create({ amount: 2000, currency: "eur", colour: "blue" }).catch((e) => e)) as StripeSdkError
      expect(unknown).toMatchObject({
        type: "StripeInvalidRequestError",
        code: "parameter_unknown",
        param: "colour",
        statusCode: 400,
        message: "Received unknown parameter: colour",
      })
      const wrongKey = (await stripeSdk(stripe.url, "sk_test_not_the_key").paymentIntents.retrieve("pi_123").catch((e) => e)) as StripeSdkError
      expect(wrongKey).toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 })
      const nothing = (await sdk.paymentIntents.retrieve("pi_missing").catch((e) => e)) as StripeSdkError
      expect(nothing).toMatchObject({ code: "resource_missing", statusCode: 404, message: "No such payment_intent: 'pi_missing'" })

      // Same idempotency key: the same answer; with other parameters: Stripe's idempotency error.
      const idem = key("stripe")
      const first = await sdk.paymentIntents.create({ amount: 700, currency: "eur" }, { idempotencyKey: idem })
      const again = await sdk.paymentIntents.create({ amount: 700, currency: "eur" }, { idempotencyKey: idem })
      expect(again.id).toBe(first.id)
      const other = (await sdk.paymentIntents.create({ amount: 800, currency: "eur" }, { idempotencyKey: idem }).catch((e) => e)) as StripeSdkError
      expect(other).toMatchObject({ type: "StripeIdempotencyError", statusCode: 400 })

      // A storefront passing a parameter Stripe does not know: the provider's call is refused, the
      // session is not created, and Medusa logs Stripe's message (its answer hides it: a 500).
      const visitor = guest(api, shop.publishable_key)
      const cart = await newCart(shop, visitor, "curious@example.com")
      await visitor.post(`/store/carts/${cart}/line-items`, { variant_id: concert, quantity: 1 })
      const collection = (await visitor.post("/store/payment-collections", { cart_id: cart })).data.payment_collection
      const refused = await visitor.post(`/store/payment-collections/${collection.id}/payment-sessions`, {
        provider_id: STRIPE,
        data: { automatic_payment_methods: { enabled: true, colour: "blue" } },
      })
      expect(refused.status).toBe(500)
      expect(stripe.calls("payment_intents.create").at(-1)).toMatchObject({ status: 400, params: { amount: "3000", currency: "eur", capture_method: "manual" } })
      expect(logged.mock.calls.flat().map((a) => (a as { message?: string })?.message ?? String(a)).join("\n")).toMatch(
        /An error occurred in InitiatePayment during creation of stripe payment intent: Received unknown parameter: automatic_payment_methods\[colour\]/
      )
      logged.mockRestore()
      const sessions = (await visitor.get(`/store/carts/${cart}?fields=payment_collection.payment_sessions.id`)).data.cart.payment_collection
      expect(sessions?.payment_sessions ?? []).toHaveLength(0)
    })

    it("tops up a card by its QR token paid with Stripe, captured by the plugin and credited once however often Stripe repeats", async () => {
      const card = await registerCard(admin, db, "Stripe", "S")
      const visitor = guest(api, shop.publishable_key)
      const cart = await newCart(shop, visitor, "friend@example.com")
      expect((await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 2000, qr_token: card.qr_token })).status).toBe(201)

      const paid = await payWithStripe(visitor, stripe, cart)
      expect(stripe.intent(paid.intent_id)).toMatchObject({
        amount: 2000,
        currency: "eur",
        capture_method: "manual",
        metadata: { session_id: paid.session_id },
      })
      expect(await eventually(() => qrBalance(card.qr_token), (b) => b > 0)).toBe(2000)
      expect(stripe.intent(paid.intent_id)).toMatchObject({ status: "succeeded", amount_received: 2000, amount_capturable: 0 })
      expect(stripe.calls("payment_intents.capture").filter((c) => c.path.includes(paid.intent_id) && c.status === 200)).toHaveLength(1)
      const order = await admin.get(`/admin/orders/${paid.order_id}?fields=id,payment_status`)
      expect(order.data.order.payment_status).toBe("captured")

      // Stripe delivers at least once: payment_intent.succeeded twice more changes nothing.
      await eventually(async () => handled.count, (n) => n >= workflowsExpected())
      const before = handled.count
      const captured = counter("payment.captured")
      const replays = [
        await stripe.sendWebhook("payment_intent.succeeded", stripe.intent(paid.intent_id)),
        await stripe.sendWebhook("payment_intent.succeeded", stripe.intent(paid.intent_id)),
      ]
      for (const replay of replays) {
        expect(replay.status).toBe(200)
        expect(await outcomeOf(replay.event.id)).toMatchObject({ action: "captured" })
      }
      // Medusa runs its capture workflow again for each (no new capture) and re-emits
      // payment.captured, which the plugin's credit, keyed by the order line, ignores.
      expect(await eventually(async () => handled.count - before, (n) => n >= 2)).toBe(2)
      expect(await eventually(async () => captured.seen.count, (n) => n >= 2)).toBe(2)
      captured.stop()
      // The plugin's subscriber started with ours; give a double credit the time to show.
      await new Promise((r) => setTimeout(r, 500))
      expect(await qrBalance(card.qr_token)).toBe(2000)
      const { rows } = await db.raw(`select kind from cashless_journal_entry where external_ref like ?`, [`order:${paid.order_id}%`])
      expect(rows).toEqual([{ kind: "credit" }])
      expect(stripe.calls("payment_intents.capture").filter((c) => c.path.includes(paid.intent_id))).toHaveLength(1)
    })

    it("ignores a forged webhook, while the same event signed by Stripe completes the cart", async () => {
      stripe.autoWebhooks = false
      const card = await registerCard(admin, db, "Stripe", "S")
      const visitor = guest(api, shop.publishable_key)
      const cart = await newCart(shop, visitor, "closed-tab@example.com")
      await visitor.post("/store/cashless/top-ups", { cart_id: cart, amount: 1500, qr_token: card.qr_token })
      const payment = await startStripePayment(visitor, cart)
      // The shopper paid, then closed the tab before the storefront completed the cart.
      await confirmWithCard(stripe, payment.intent_id)
      const intent = stripe.intent(payment.intent_id)
      expect(intent.status).toBe("requires_capture")

      const forged = await stripe.sendWebhook("payment_intent.amount_capturable_updated", intent, { secret: "whsec_guessed" })
      const forgedSuccess = await stripe.sendWebhook("payment_intent.succeeded", { ...intent, status: "succeeded", amount_received: 1500 }, { secret: "whsec_guessed" })
      // Medusa answers 200 to any webhook and checks the signature when it handles the event.
      expect([forged.status, forgedSuccess.status]).toEqual([200, 200])
      for (const event of [forged.event, forgedSuccess.event]) {
        expect((await outcomeOf(event.id))?.error).toMatch(/No signatures found matching the expected signature for payload/)
      }
      expect(await orderOfCart(cart)).toBeUndefined()
      const { rows: payments } = await db.raw(`select id from payment where payment_session_id = ?`, [payment.session_id])
      expect(payments).toHaveLength(0)
      expect(stripe.intent(payment.intent_id).status).toBe("requires_capture")
      expect(stripe.calls("payment_intents.capture").filter((c) => c.path.includes(payment.intent_id))).toHaveLength(0)
      expect(await qrBalance(card.qr_token)).toBe(0)

      // Signed with the endpoint's secret, Medusa completes the cart itself; the plugin then
      // captures the digital order and credits the card.
      const signed = await stripe.sendWebhook("payment_intent.amount_capturable_updated", intent)
      expect(await outcomeOf(signed.event.id)).toMatchObject({ action: "authorized" })
      expect(await eventually(() => orderOfCart(cart), (id) => !!id)).toMatch(/^order_/)
      expect(await eventually(() => qrBalance(card.qr_token), (b) => b > 0)).toBe(1500)
      expect(stripe.intent(payment.intent_id)).toMatchObject({ status: "succeeded", amount_received: 1500 })
    })

    it("pays part of a cart with the wallet and the rest with Stripe, debiting the wallet once", async () => {
      const ana = await storeCustomer(api, shop.publishable_key, "Ana")
      const wallet = (await admin.post(`/admin/cashless/wallets`, { label: "Ana", customer_id: ana.id })).data.wallet.id as string
      expect((await admin.credit(wallet, 3000, { asset_code: "EUR" })).status).toBe(200)
      const cart = await newCart(shop, ana)
      await ana.post(`/store/carts/${cart}/line-items`, { variant_id: concert, quantity: 1 })
      expect((await ana.post(`/store/cashless/me/carts/${cart}/wallet-credit`, { amount: 1200 })).status).toBe(200)

      const paid = await payWithStripe(ana, stripe, cart)
      const intent = stripe.intent(paid.intent_id)
      expect(intent).toMatchObject({ amount: 1800, currency: "eur", metadata: { session_id: paid.session_id } })
      // A logged-in customer gets a Stripe customer (Medusa's account holder).
      expect(intent.customer).toMatch(/^cus_/)
      const balances = await admin.balances(wallet)
      expect(balances.EUR).toBe(1800)
      const { rows } = await db.raw(`select kind from cashless_journal_entry where external_ref = ?`, [`cart:${cart}`])
      expect(rows).toEqual([{ kind: "spend" }])
      const order = await admin.get(`/admin/orders/${paid.order_id}?fields=id,credit_lines.amount,payment_collections.amount,payment_status`)
      expect(order.data.order.credit_lines).toEqual([expect.objectContaining({ amount: 12 })])
      expect(order.data.order.payment_collections[0].amount).toBe(18)
      // A ticket is not a top-up: the payment stays authorized until the merchant captures it.
      expect(order.data.order.payment_status).toBe("authorized")
      expect(stripe.intent(paid.intent_id)).toMatchObject({ status: "requires_capture", amount_capturable: 1800 })
    })
  },
})
