import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../modules/wallet"
import type WalletModuleService from "../modules/wallet/service"
import type { AssetRecord } from "../modules/wallet/types"
import { parseOrderPaymentRef } from "./ledger-refs"
import { minorOf } from "./money"
import type { RefundSource } from "./refund-plan"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

/** One online top-up payment of a wallet, as the admin's wallet page shows it. */
export type TopUpPayment = RefundSource & {
  currency_code: string
  /** What this payment put into the wallet (its lineage), in minor units. */
  credited: number
  /** What already went back from the wallet through this payment. */
  refunded: number
  /** Captured less refunded on the payment itself, whatever the reason (Medusa's view). */
  payment_remaining: number
  provider_id: string | null
}

/** The refundable (fiat) asset of a currency. */
export async function refundableAsset(container: MedusaContainer, currencyCode: string): Promise<AssetRecord | null> {
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const currency = currencyCode.toLowerCase()
  return (await wallets.listAssetRecords()).find((a) => a.kind === "fiat" && a.currency_code === currency) ?? null
}

/**
 * The captured payments that topped up this wallet (or a card wallet merged into it) in this
 * currency, with what each can still refund: what it credited, less what already went back
 * through it, and never more than the payment itself still holds in Medusa (a refund made in
 * the Medusa admin counts too).
 */
export async function topUpPayments(container: MedusaContainer, walletId: string, currencyCode: string): Promise<TopUpPayment[]> {
  const asset = await refundableAsset(container, currencyCode)
  if (!asset) return []
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const lineage = await wallets.walletLineage(walletId)
  const [credits, refunds] = await Promise.all([
    wallets.sourceCredits(lineage, "online_payments", "credit"),
    wallets.sourceCredits(lineage, "online_payments", "refund"),
  ])
  const byPayment = new Map<string, { order_id: string; credited: number; refunded: number; credited_at: string }>()
  for (const c of credits) {
    const ref = parseOrderPaymentRef(c.external_ref)
    if (!ref || c.asset_code !== asset.code) continue
    const row = byPayment.get(ref.payment_id) ?? { order_id: ref.order_id, credited: 0, refunded: 0, credited_at: c.created_at }
    row.credited += c.amount
    if (c.created_at > row.credited_at) row.credited_at = c.created_at
    byPayment.set(ref.payment_id, row)
  }
  for (const r of refunds) {
    const ref = parseOrderPaymentRef(r.external_ref)
    const row = ref && r.asset_code === asset.code ? byPayment.get(ref.payment_id) : undefined
    if (row) row.refunded += r.amount
  }
  if (!byPayment.size) return []

  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "currency_code", "provider_id", "canceled_at", "captures.amount", "refunds.amount"],
    filters: { id: [...byPayment.keys()] },
  })
  const remaining = new Map(
    payments.map((p) => {
      const currency = String(p.currency_code)
      const captured = (p.captures ?? []).reduce((s: number, c: { amount: unknown }) => s + minorOf(c.amount, currency), 0)
      const refunded = (p.refunds ?? []).reduce((s: number, r: { amount: unknown }) => s + minorOf(r.amount, currency), 0)
      return [String(p.id), { left: p.canceled_at ? 0 : Math.max(0, captured - refunded), provider_id: (p.provider_id as string) ?? null }]
    })
  )
  return [...byPayment.entries()]
    .map(([payment_id, row]) => {
      const payment = remaining.get(payment_id)
      const payment_remaining = payment?.left ?? 0
      return {
        payment_id,
        order_id: row.order_id,
        credited_at: row.credited_at,
        currency_code: asset.currency_code,
        credited: row.credited,
        refunded: row.refunded,
        payment_remaining,
        provider_id: payment?.provider_id ?? null,
        refundable: Math.max(0, Math.min(row.credited - row.refunded, payment_remaining)),
      }
    })
    .sort((a, b) => b.credited_at.localeCompare(a.credited_at))
}
