import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { toMinorUnits } from "../../lib/money"
import { orderOfPayment } from "../../lib/order-payments"
import { takeBackTopUps, TopUpSpent, undoTakeBack } from "../../lib/top-up-take-back"
import type { EntryResult } from "../../modules/wallet/types"
import { actorOf } from "./cashless/helpers"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Money moved outside the plugin stays consistent. Before Medusa refunds a top-up order's
 * payment (the order is cancelled, or the payment refunded, in the Medusa admin), its money is
 * taken back out of the wallet it went to; if it was spent, the admin's request is refused with
 * what is left, so no money is created. Should Medusa then fail, what was taken is put back.
 */
async function guard(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction, take: () => Promise<EntryResult[]>) {
  let taken: EntryResult[]
  try {
    taken = await take()
  } catch (err) {
    if (err instanceof TopUpSpent) {
      res.status(409).json({ type: err.type, code: err.code, message: err.message })
      return
    }
    return next(err)
  }
  if (taken.length) {
    res.on("finish", () => {
      if (res.statusCode < 400) return
      undoTakeBack(req.scope, taken, `Medusa refused the request (HTTP ${res.statusCode})`).catch((err) => {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`cashless: could not put back top-up money taken for ${req.originalUrl}: ${err}`)
      })
    })
  }
  next()
}

/**
 * A till sale's order mirrors money that moved at the till (wallet debits, cash): refunding it
 * through Medusa would pay nothing back to the card and leave the ledger behind. Refused.
 */
async function refuseTillOrder(req: AuthenticatedMedusaRequest, orderId: string): Promise<void> {
  const query = req.scope.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "metadata"], filters: { id: orderId } })
  if (data[0]?.metadata?.cashless_sale_id) {
    throw new TopUpSpent(
      `Order #${data[0].display_id} is till sale ${data[0].metadata.cashless_sale_id}: its money moved at the till, not through this order. If a card was charged by mistake, give the money back with a wallet adjustment and its reason.`,
      "till_order"
    )
  }
}

async function displayOf(req: AuthenticatedMedusaRequest, orderId: string): Promise<string> {
  const query = req.scope.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderId } })
  return data[0]?.display_id ? `#${data[0].display_id}` : orderId
}

/** `POST /admin/orders/:id/cancel`: the whole top-up goes back, or the cancellation is refused. */
export async function guardOrderCancel(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // Runs after `authenticate("user", …)` in the route's middleware list.
  const req = request as AuthenticatedMedusaRequest
  const orderId = req.params.id
  return guard(req, res, next, async () => {
    await refuseTillOrder(req, orderId)
    return takeBackTopUps(req.scope, { order_id: orderId, purpose: "cancel", actor: actorOf(req), display: await displayOf(req, orderId) })
  })
}

/**
 * `POST /admin/payments/:id/refund`: the refunded amount (the whole payment when none is given)
 * comes out of the order's top-up first, since a wallet is the one place its money can be spent.
 */
export async function guardPaymentRefund(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest
  const paymentId = req.params.id
  return guard(req, res, next, async () => {
    const orderId = await orderOfPayment(req.scope, paymentId)
    if (!orderId) return []
    await refuseTillOrder(req, orderId)
    const query = req.scope.resolve<Query>(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment", fields: ["id", "currency_code"], filters: { id: paymentId } })
    const requested = (req.body as { amount?: unknown } | undefined)?.amount
    let limit: number | undefined
    if (requested !== undefined && requested !== null) {
      try {
        limit = toMinorUnits(requested as number | string, String(data[0]?.currency_code ?? "eur"))
      } catch {
        return [] // Not an amount: Medusa's own validation answers.
      }
      if (limit <= 0) return []
    }
    return takeBackTopUps(req.scope, {
      order_id: orderId,
      payment_id: paymentId,
      limit,
      purpose: `admin-refund:${randomUUID()}`,
      actor: actorOf(req),
      display: await displayOf(req, orderId),
    })
  })
}
