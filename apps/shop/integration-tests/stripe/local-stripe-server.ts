import { randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { type Emitted, LocalStripeApi, type Outcome } from "./local-stripe-api"
import { StripeError } from "./stripe-errors"
import { type Form, parseStripeForm } from "./stripe-form"
import { now, type PaymentIntent, type StripeEvent, stripeId } from "./stripe-objects"
import { refuseUnknown, VALIDATION_CODES } from "./stripe-params"
import { stripeSignature } from "./stripe-signature"

/** The API version Medusa's provider's SDK (stripe 15) pins; events carry it. */
const API_VERSION = "2024-04-10"
/** What a shop's webhook endpoint listens to (docs/stripe.md says to enable the same). */
export const WEBHOOK_EVENTS = [
  "payment_intent.amount_capturable_updated",
  "payment_intent.succeeded",
  "payment_intent.canceled",
  "payment_intent.payment_failed",
  "charge.refunded",
]

export type RecordedRequest = {
  method: string
  path: string
  endpoint: string
  params: Form
  idempotency_key?: string
  status: number
  replayed: boolean
}
export type Delivery = { event: StripeEvent; status: number | string }
type Saved = { fingerprint: string; status: number; body: unknown }
type Route = { method: string; pattern: RegExp; endpoint: string; run: (api: LocalStripeApi, params: Form, id: string) => Outcome }

const ROUTES: Route[] = [
  { method: "POST", pattern: /^\/v1\/payment_intents$/, endpoint: "payment_intents.create", run: (a, p) => a.createIntent(p) },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, endpoint: "payment_intents.retrieve", run: (a, p, id) => a.retrieveIntent(id, p) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)$/, endpoint: "payment_intents.update", run: (a, p, id) => a.updateIntent(id, p) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, endpoint: "payment_intents.confirm", run: (a, p, id) => a.confirm(id, p) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/, endpoint: "payment_intents.capture", run: (a, p, id) => a.capture(id, p) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, endpoint: "payment_intents.cancel", run: (a, p, id) => a.cancel(id, p) },
  { method: "POST", pattern: /^\/v1\/refunds$/, endpoint: "refunds.create", run: (a, p) => a.createRefund(p) },
  { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, endpoint: "refunds.retrieve", run: (a, _p, id) => a.retrieveRefund(id) },
  { method: "POST", pattern: /^\/v1\/customers$/, endpoint: "customers.create", run: (a, p) => a.createCustomer(p) },
  { method: "POST", pattern: /^\/v1\/customers\/([^/]+)$/, endpoint: "customers.update", run: (a, p, id) => a.updateCustomer(id, p) },
  { method: "GET", pattern: /^\/v1\/customers\/([^/]+)$/, endpoint: "customers.retrieve", run: (a, _p, id) => a.retrieveCustomer(id) },
]

/**
 * A Stripe-compatible API on 127.0.0.1 for the tests (these machines cannot reach Stripe): the
 * endpoints Medusa's Stripe provider calls, with Stripe's bearer-key check, parameter checks,
 * error shapes, idempotency keys and signed webhooks, so the real provider and the official SDK
 * run unchanged against it. State is in memory; every request is recorded for assertions.
 */
export class LocalStripe {
  readonly api = new LocalStripeApi()
  readonly requests: RecordedRequest[] = []
  readonly deliveries: Delivery[] = []
  /** Where events are posted, like a webhook endpoint in Stripe's dashboard; none until set. */
  webhookUrl?: string
  /** Off: state changes post no events (a test then sends the webhooks it wants itself). */
  autoWebhooks = true
  private readonly saved = new Map<string, Saved>()
  private readonly refundFailures: Array<"api_error" | "card_error"> = []
  /** Intents whose refunds fail until removed (a card closed since it paid). */
  readonly refusedRefundIntents = new Map<string, "api_error" | "card_error">()
  private queue: Promise<unknown> = Promise.resolve()
  private server?: Server

  private constructor(
    readonly apiKey: string,
    readonly webhookSecret: string
  ) {}

  /** Listens on 127.0.0.1 on a free port. */
  static async start(options: { apiKey?: string; webhookSecret?: string } = {}): Promise<LocalStripe> {
    const stripe = new LocalStripe(
      options.apiKey ?? `sk_test_local_${randomBytes(12).toString("hex")}`,
      options.webhookSecret ?? `whsec_local_${randomBytes(16).toString("hex")}`
    )
    const server = createServer((req, res) => void stripe.handle(req, res))
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    stripe.server = server
    return stripe
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async stop(): Promise<void> {
    await this.settled()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve())
  }

  intent(id: string): PaymentIntent {
    return this.api.intent(id)
  }

  /** The recorded calls to one endpoint (`payment_intents.capture`, `refunds.create`, …). */
  calls(endpoint: string): RecordedRequest[] {
    return this.requests.filter((r) => r.endpoint === endpoint)
  }

  /**
   * The next `count` refund calls fail: `api_error` is Stripe's 500 (the outcome unknown to the
   * caller), `card_error` a 402. As on Stripe, the failure is kept under the idempotency key.
   */
  failRefunds(count: number, kind: "api_error" | "card_error" = "api_error"): void {
    for (let i = 0; i < count; i++) this.refundFailures.push(kind)
  }

  /** Waits until the events posted so far were delivered. */
  async settled(): Promise<void> {
    let seen: Promise<unknown>
    do {
      seen = this.queue
      await seen
    } while (seen !== this.queue)
  }

  /**
   * Posts an event about `object` to the webhook endpoint, signed as Stripe signs it; `secret`
   * other than the endpoint's forges it. Answers the endpoint's HTTP status.
   */
  async sendWebhook(
    type: string,
    object: unknown,
    options: { secret?: string; url?: string; timestamp?: number } = {}
  ): Promise<{ status: number; event: StripeEvent }> {
    const event: StripeEvent = {
      id: stripeId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }
    const url = options.url ?? this.webhookUrl
    if (!url) throw new Error("LocalStripe: no webhook URL")
    // Stripe sends the event pretty-printed; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2)
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": stripeSignature(payload, options.secret ?? this.webhookSecret, options.timestamp),
      },
      body: payload,
    })
    await res.arrayBuffer()
    this.deliveries.push({ event, status: res.status })
    return { status: res.status, event }
  }

  private emit(events: Emitted[]) {
    if (!this.autoWebhooks || !this.webhookUrl) return
    for (const { type, object } of events.filter((e) => WEBHOOK_EVENTS.includes(e.type))) {
      this.queue = this.queue.then(() =>
        this.sendWebhook(type, object).catch((err: Error) => this.deliveries.push({ event: { type } as StripeEvent, status: err.message }))
      )
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const method = req.method ?? "GET"
    const raw = method === "GET" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8")
    const params = parseStripeForm(raw)
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : undefined
    const route = ROUTES.find((r) => r.method === method && r.pattern.test(url.pathname))
    const record: RecordedRequest = { method, path: url.pathname, endpoint: route?.endpoint ?? "unknown", params, idempotency_key: key, status: 0, replayed: false }
    this.requests.push(record)
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status
      res.writeHead(status, { "content-type": "application/json", "request-id": stripeId("req"), "stripe-version": API_VERSION, ...headers })
      res.end(JSON.stringify(body))
    }

    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1]
    if (auth !== this.apiKey) {
      const message = auth
        ? `Invalid API Key provided: ${auth.slice(0, 8)}${"*".repeat(Math.max(0, auth.length - 12))}${auth.slice(-4)}`
        : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
      return answer(401, { error: { type: "invalid_request_error", message } })
    }
    if (!route) {
      return answer(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` } })
    }

    const fingerprint = `${method} ${url.pathname} ${JSON.stringify(params)}`
    if (key && method === "POST") {
      const saved = this.saved.get(key)
      if (saved && saved.fingerprint !== fingerprint) {
        return answer(400, {
          error: {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        })
      }
      if (saved) {
        record.replayed = true
        return answer(saved.status, saved.body, { "idempotent-replayed": "true", "original-request": stripeId("req") })
      }
    }

    let status = 200
    let body: unknown
    try {
      refuseUnknown(route.endpoint, params)
      if (route.endpoint === "refunds.create" && this.refundFailures.length) throw refundFailure(this.refundFailures.shift()!)
      const refusedFor = route.endpoint === "refunds.create" ? this.refusedRefundIntents.get(String(params.payment_intent ?? "")) : undefined
      if (refusedFor) throw refundFailure(refusedFor)
      const outcome = route.run(this.api, params, route.pattern.exec(url.pathname)?.[1] ?? "")
      body = outcome.body
      this.emit(outcome.events)
    } catch (thrown) {
      // A bug of this server answers like a Stripe outage rather than hanging the test.
      const err = thrown instanceof StripeError ? thrown : new StripeError(500, "api_error", `Local Stripe server: ${(thrown as Error).message}`)
      status = err.status
      body = err.body
      this.emit(err.events)
      // Stripe keeps no result for a request refused before it ran (parameters), so it may be retried.
      if (VALIDATION_CODES.has(err.extra.code ?? "")) return answer(status, body)
    }
    if (key && method === "POST") this.saved.set(key, { fingerprint, status, body })
    answer(status, body)
  }
}

function refundFailure(kind: "api_error" | "card_error") {
  return kind === "api_error"
    ? new StripeError(500, "api_error", "An unknown error occurred while processing the refund (local test server).")
    : new StripeError(402, "card_error", "The refund could not be processed by the card issuer (local test server).", { code: "refund_failed" })
}
