import type { Form } from "./stripe-form"
import { missing, StripeError } from "./stripe-errors"
import {
  type Charge,
  type Customer,
  type IntentStatus,
  now,
  type PaymentIntent,
  paymentMethodOf,
  type Refund,
  stripeId,
  TEST_CARDS,
} from "./stripe-objects"
import { expandParam, integerParam, metadataParam, stringParam } from "./stripe-params"

export type Emitted = { type: string; object: unknown }
export type Outcome = { body: unknown; events: Emitted[] }

const CANCELABLE: IntentStatus[] = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"]
const CONFIRMABLE: IntentStatus[] = ["requires_payment_method", "requires_confirmation"]
const UPDATABLE: IntentStatus[] = ["requires_payment_method", "requires_confirmation", "requires_action"]
/** Stripe's smallest charge in EUR and USD (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUM_AMOUNT = 50

/**
 * The state and the rules of the Stripe objects Medusa's provider uses: payment intents and their
 * status machine, charges, refunds and customers, in memory. Every call returns the answer and
 * the events Stripe would send for what changed.
 */
export class LocalStripeApi {
  readonly intents = new Map<string, PaymentIntent>()
  readonly charges = new Map<string, Charge>()
  readonly refunds = new Map<string, Refund>()
  readonly customers = new Map<string, Customer>()

  createIntent(params: Form): Outcome {
    const amount = this.amountOf(params, true)!
    const currency = stringParam(params, "currency", true)!.toLowerCase()
    const customer = stringParam(params, "customer")
    if (customer && !this.customers.has(customer)) throw missing("customer", customer, "customer")
    const id = stripeId("pi")
    const methodTypes = params.payment_method_types
    const intent: PaymentIntent = {
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: (stringParam(params, "capture_method") as PaymentIntent["capture_method"]) ?? "automatic_async",
      client_secret: `${id}_secret_${stripeId("x").slice(2)}`,
      confirmation_method: "automatic",
      created: now(),
      currency,
      customer: customer ?? null,
      description: stringParam(params, "description") ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: metadataParam({}, params),
      next_action: null,
      payment_method: null,
      payment_method_types: Array.isArray(methodTypes) ? methodTypes.map(String) : ["card"],
      status: "requires_payment_method",
    }
    this.intents.set(id, intent)
    const events: Emitted[] = [{ type: "payment_intent.created", object: { ...intent } }]
    const method = stringParam(params, "payment_method")
    if (method) {
      this.paymentMethod(method)
      intent.payment_method = method
      intent.status = "requires_confirmation"
    }
    if (params.confirm === "true") return this.confirm(id, {}, events)
    return { body: this.view(intent, params), events }
  }

  retrieveIntent(id: string, params: Form): Outcome {
    return { body: this.view(this.intent(id), params), events: [] }
  }

  updateIntent(id: string, params: Form): Outcome {
    const intent = this.intent(id)
    if (!UPDATABLE.includes(intent.status)) {
      throw this.unexpectedState(intent, `You cannot update this PaymentIntent because it has a status of ${intent.status}. You may only update a PaymentIntent with one of the following statuses: ${UPDATABLE.join(", ")}.`)
    }
    const amount = this.amountOf(params)
    if (amount !== undefined) intent.amount = amount
    intent.metadata = metadataParam(intent.metadata, params)
    intent.description = stringParam(params, "description") ?? intent.description
    const method = stringParam(params, "payment_method")
    if (method) {
      this.paymentMethod(method)
      intent.payment_method = method
      intent.status = "requires_confirmation"
    }
    return { body: this.view(intent, params), events: [] }
  }

  /** What Stripe.js does in the shopper's browser: the card is charged (authorized for manual capture). */
  confirm(id: string, params: Form, events: Emitted[] = []): Outcome {
    const intent = this.intent(id)
    if (!CONFIRMABLE.includes(intent.status)) {
      throw this.unexpectedState(intent, `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. A PaymentIntent can only be confirmed when it has one of the following statuses: ${CONFIRMABLE.join(", ")}.`)
    }
    const methodId = stringParam(params, "payment_method") ?? intent.payment_method
    if (!methodId) {
      throw new StripeError(400, "invalid_request_error", "You cannot confirm this PaymentIntent because it's missing a payment method.", {
        code: "payment_intent_unexpected_state",
        payment_intent: { ...intent },
      })
    }
    const method = this.paymentMethod(methodId)
    intent.payment_method = methodId
    const decline = TEST_CARDS[methodId].decline
    if (decline) {
      intent.status = "requires_payment_method"
      intent.last_payment_error = { type: "card_error", code: "card_declined", decline_code: decline, message: "Your card was declined.", payment_method: method }
      const failed = { ...intent }
      const declined = new StripeError(402, "card_error", "Your card was declined.", { code: "card_declined", decline_code: decline, payment_intent: failed })
      declined.events = [...events, { type: "payment_intent.payment_failed", object: failed }]
      throw declined
    }
    const manual = intent.capture_method === "manual"
    const charge: Charge = {
      id: stripeId("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: manual ? 0 : intent.amount,
      amount_refunded: 0,
      captured: !manual,
      created: now(),
      currency: intent.currency,
      livemode: false,
      metadata: { ...intent.metadata },
      paid: true,
      payment_intent: intent.id,
      payment_method: methodId,
      refunded: false,
      status: "succeeded",
    }
    this.charges.set(charge.id, charge)
    intent.latest_charge = charge.id
    intent.last_payment_error = null
    if (manual) {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
      events.push({ type: "payment_intent.amount_capturable_updated", object: { ...intent } })
    } else {
      intent.status = "succeeded"
      intent.amount_received = intent.amount
      events.push({ type: "payment_intent.succeeded", object: { ...intent } })
    }
    return { body: this.view(intent, params), events }
  }

  capture(id: string, params: Form): Outcome {
    const intent = this.intent(id)
    if (intent.status !== "requires_capture") {
      throw this.unexpectedState(intent, `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`)
    }
    const amount = integerParam(params, "amount_to_capture") ?? intent.amount_capturable
    if (amount <= 0 || amount > intent.amount_capturable) {
      throw new StripeError(400, "invalid_request_error", `The amount to capture must be at most the capturable amount (${intent.amount_capturable}).`, {
        code: "amount_too_large",
        param: "amount_to_capture",
      })
    }
    const charge = this.charges.get(intent.latest_charge!)!
    charge.amount_captured = amount
    charge.captured = true
    intent.amount_received = amount
    intent.amount_capturable = 0
    intent.status = "succeeded"
    intent.metadata = metadataParam(intent.metadata, params)
    return { body: this.view(intent, params), events: [{ type: "payment_intent.succeeded", object: { ...intent } }] }
  }

  cancel(id: string, params: Form): Outcome {
    const intent = this.intent(id)
    if (!CANCELABLE.includes(intent.status)) {
      throw this.unexpectedState(intent, `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`)
    }
    intent.status = "canceled"
    intent.canceled_at = now()
    intent.cancellation_reason = stringParam(params, "cancellation_reason") ?? null
    intent.amount_capturable = 0
    return { body: this.view(intent, params), events: [{ type: "payment_intent.canceled", object: { ...intent } }] }
  }

  createRefund(params: Form): Outcome {
    const intentId = stringParam(params, "payment_intent")
    const chargeId = stringParam(params, "charge")
    if (!intentId && !chargeId) {
      throw new StripeError(400, "invalid_request_error", "One of the following params should be provided for this request: charge or payment_intent.", { code: "parameter_missing" })
    }
    const intent = intentId ? this.intent(intentId, "payment_intent") : undefined
    const charge = chargeId ? this.charges.get(chargeId) : intent?.latest_charge ? this.charges.get(intent.latest_charge) : undefined
    if (chargeId && !charge) throw missing("charge", chargeId, "charge")
    if (!charge || !charge.captured) {
      throw new StripeError(400, "invalid_request_error", `This PaymentIntent (${intentId}) does not have a successful charge to refund.`, {
        code: "payment_intent_unexpected_state",
        param: "payment_intent",
      })
    }
    const refundable = charge.amount_captured - charge.amount_refunded
    if (refundable <= 0) {
      throw new StripeError(400, "invalid_request_error", `Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" })
    }
    const amount = integerParam(params, "amount") ?? refundable
    if (amount <= 0 || amount > refundable) {
      throw new StripeError(400, "invalid_request_error", `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(refundable, charge.currency)})`, {
        code: "amount_too_large",
        param: "amount",
      })
    }
    const refund: Refund = {
      id: stripeId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: metadataParam({}, params),
      payment_intent: charge.payment_intent,
      reason: stringParam(params, "reason") ?? null,
      status: "succeeded",
    }
    this.refunds.set(refund.id, refund)
    charge.amount_refunded += amount
    charge.refunded = charge.amount_refunded === charge.amount_captured
    return { body: refund, events: [{ type: "charge.refunded", object: { ...charge } }] }
  }

  retrieveRefund(id: string): Outcome {
    const refund = this.refunds.get(id)
    if (!refund) throw missing("refund", id)
    return { body: refund, events: [] }
  }

  createCustomer(params: Form): Outcome {
    const customer: Customer = {
      id: stripeId("cus"),
      object: "customer",
      created: now(),
      email: stringParam(params, "email") ?? null,
      name: stringParam(params, "name") ?? null,
      phone: stringParam(params, "phone") ?? null,
      metadata: metadataParam({}, params),
      livemode: false,
    }
    this.customers.set(customer.id, customer)
    return { body: customer, events: [{ type: "customer.created", object: customer }] }
  }

  updateCustomer(id: string, params: Form): Outcome {
    const customer = this.customers.get(id)
    if (!customer) throw missing("customer", id)
    customer.email = stringParam(params, "email") ?? customer.email
    customer.name = stringParam(params, "name") ?? customer.name
    customer.phone = stringParam(params, "phone") ?? customer.phone
    customer.metadata = metadataParam(customer.metadata, params)
    return { body: customer, events: [] }
  }

  retrieveCustomer(id: string): Outcome {
    const customer = this.customers.get(id)
    if (!customer) throw missing("customer", id)
    return { body: customer, events: [] }
  }

  /** Refunded so far on the intent's charge. */
  refundedOn(intentId: string): number {
    const charge = this.charges.get(this.intent(intentId).latest_charge ?? "")
    return charge?.amount_refunded ?? 0
  }

  intent(id: string, param?: string): PaymentIntent {
    const intent = this.intents.get(id)
    if (!intent) throw missing("payment_intent", id, param)
    return intent
  }

  private paymentMethod(id: string) {
    const method = paymentMethodOf(id)
    if (!method) throw missing("PaymentMethod", id, "payment_method")
    return method
  }

  private amountOf(params: Form, required = false) {
    const amount = integerParam(params, "amount", required)
    if (amount !== undefined && amount < MINIMUM_AMOUNT) {
      throw new StripeError(400, "invalid_request_error", "Amount must be at least €0.50 eur", { code: "amount_too_small", param: "amount" })
    }
    return amount
  }

  private unexpectedState(intent: PaymentIntent, message: string) {
    return new StripeError(400, "invalid_request_error", message, { code: "payment_intent_unexpected_state", payment_intent: { ...intent } })
  }

  /** The intent as answered: `expand[]=payment_method` replaces the id by the object. */
  private view(intent: PaymentIntent, params: Form) {
    const expanded = expandParam(params).includes("payment_method") && intent.payment_method
    return expanded ? { ...intent, payment_method: paymentMethodOf(intent.payment_method!) } : { ...intent }
  }
}

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat("en-IE", { style: "currency", currency }).format(minor / 100)
