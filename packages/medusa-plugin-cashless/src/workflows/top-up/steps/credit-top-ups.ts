import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withCardWallet } from "../../../lib/card-wallet"
import { ensureCustomerWallet } from "../../../lib/customer-wallet"
import { decimalOf, minorOf } from "../../../lib/money"
import { orderPaymentRef } from "../../../lib/ledger-refs"
import { capturedPayments } from "../../../lib/order-payments"
import { type TopUpTarget, topUpOf } from "../../../lib/top-up"
import { CARD_MODULE } from "../../../modules/card"
import type CardModuleService from "../../../modules/card/service"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"
import type { EntryResult } from "../../../modules/wallet/types"

type OrderForTopUps = {
  id: string
  currency_code: string
  status: string
  items: Array<{
    id: string
    metadata?: Record<string, unknown> | null
    unit_price?: unknown
    detail?: { quantity?: unknown } | null
    adjustments?: Array<{ amount?: unknown }> | null
  }> | null
  payment_collections: Array<{ payments: Array<{ id: string; captured_at: string | null; canceled_at: string | null }> | null }> | null
}

/** The wallet a top-up goes to, resolved when the money arrives: a card bound since then credits its holder. */
async function walletOf(container: MedusaContainer, target: TopUpTarget): Promise<string> {
  if (target.kind === "customer") return ensureCustomerWallet(container, target.customer_id)
  const card = await container.resolve<CardModuleService>(CARD_MODULE).retrieveCard(target.card_id)
  return (await withCardWallet(container, card, "system:top-up")).wallet_id
}

/**
 * Credits the top-ups of an order once a payment of it is captured: each line once (its id is the
 * entry's idempotency key), as the refundable asset of the order's currency, for what the line
 * cost, from the online payments account, with the order and payment as reference.
 */
export const creditTopUpsStep = createStep(
  "cashless-credit-top-ups",
  async (input: { order_id: string; payment_id?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "currency_code",
        "status",
        "items.id",
        "items.metadata",
        "items.unit_price",
        "items.detail.quantity",
        "items.adjustments.amount",
        "payment_collections.payments.id",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderForTopUps | undefined
    const lines = (order?.items ?? []).flatMap((i) => {
      const target = topUpOf(i.metadata)
      return target ? [{ item: i, target }] : []
    })
    if (!order || !lines.length || order.status === "canceled") return new StepResponse([] as EntryResult[], [] as string[])
    const captured = capturedPayments(order)
    if (!captured.length) return new StepResponse([] as EntryResult[], [] as string[])
    const paymentId = input.payment_id && captured.some((p) => p.id === input.payment_id) ? input.payment_id : captured[0].id

    const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
    const asset = (await wallets.listAssetRecords()).find((a) => a.kind === "fiat" && a.currency_code === order.currency_code)
    if (!asset) throw new Error(`No refundable asset for ${order.currency_code.toUpperCase()}: add one to the plugin's assets option.`)
    const results: EntryResult[] = []
    const created: string[] = []
    for (const { item, target } of lines) {
      // What the line cost: the chosen amount, less any discount a promotion gave on it.
      const quantity = Number(decimalOf(item.detail?.quantity ?? 1))
      const discounts = (item.adjustments ?? []).reduce((sum, a) => sum + minorOf(a.amount ?? 0, order.currency_code), 0)
      const amount = minorOf(item.unit_price, order.currency_code) * quantity - discounts
      if (amount <= 0) continue
      const result = await wallets.credit({
        wallet_id: await walletOf(container, target),
        asset_code: asset.code,
        amount,
        source: "online_payments",
        external_ref: orderPaymentRef(order.id, paymentId),
        idempotency_key: `top-up:${item.id}`,
        actor: "system:top-up",
      })
      results.push(result)
      if (!result.replayed) created.push(result.entry.id)
    }
    return new StepResponse(results, created)
  },
  async (created: string[] | undefined, { container }) => {
    const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
    for (const entryId of created ?? []) {
      await wallets.reverse({ entry_id: entryId, idempotency_key: `${entryId}:compensation`, reason: "workflow compensation", actor: "system:workflow" })
    }
  }
)
