import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { orderPaymentRef } from "../../lib/ledger-refs"
import { formatMinor, toMajorUnits } from "../../lib/money"
import { planRefund } from "../../lib/refund-plan"
import { refundableAsset, topUpPayments } from "../../lib/refund-sources"
import { WALLET_MODULE } from "../../modules/wallet"
import { requestHash } from "../../modules/wallet/lib/hash"
import { LedgerError } from "../../modules/wallet/lib/errors"
import type WalletModuleService from "../../modules/wallet/service"
import { refundView, type RefundView } from "./refund-view"

export type RefundWalletInput = {
  wallet_id: string
  currency_code: string
  amount: number
  idempotency_key: string
  actor: string | null
  reason?: string | null
}

type RefundPaymentWorkflowInput = Parameters<typeof refundPaymentWorkflow.runAsStep>[0]["input"]
type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type Locking = { execute<T>(keys: string | string[], job: () => Promise<T>, args?: { timeout?: number }): Promise<T> }
type Query = { graph(config: Record<string, unknown>): Promise<{ data: Row[] }> }

/** The metadata key that ties a Medusa refund to the refund part that asked for it. */
export const REFUND_PART_KEY = "cashless_refund_part"

/** A refund the plugin could not place anywhere: money not paid online goes back in cash at a till. */
export class RefundRefused extends MedusaError {
  constructor(message: string) {
    super(MedusaError.Types.NOT_ALLOWED, message, "refund_not_online")
  }
}

/**
 * Gives refundable money back to the payments it came from, newest first, one Medusa refund
 * (→ provider) per payment. Each share is first taken from the wallet (a `refund` entry), then
 * refunded by the provider; a refusal reverses that share's entry and stops, so what was paid
 * back is booked and the rest stays in the wallet. The request is stored under its idempotency
 * key: a retry answers what was done, finishes a share left pending by a crash (checking
 * Medusa's refunds first, so nothing is paid twice) and sends what a provider refused before.
 * Refunds of one wallet run one at a time (Medusa's locking module, Redis-backed with
 * several processes) because each one's split depends on the refunds before it.
 */
export async function refundToPayments(container: MedusaContainer, input: RefundWalletInput): Promise<RefundView> {
  const locking = container.resolve<Locking>(Modules.LOCKING)
  return locking.execute(`cashless-refund:${input.wallet_id}`, () => refundLocked(container, input), { timeout: 60 })
}

async function refundLocked(container: MedusaContainer, input: RefundWalletInput): Promise<RefundView> {
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const currency = input.currency_code.toLowerCase()
  const hash = requestHash({ wallet_id: input.wallet_id, currency_code: currency, amount: input.amount })
  const [known] = (await wallets.listCashlessRefunds({ idempotency_key: input.idempotency_key })) as Row[]
  if (known && known.request_hash !== hash) throw LedgerError.idempotencyConflict(input.idempotency_key)
  if (known?.status === "succeeded") return view(wallets, known, true)

  const asset = await refundableAsset(container, currency)
  if (!asset) throw LedgerError.invalid(`No refundable money in ${currency.toUpperCase()}.`)
  const refund: Row = known ?? (await open(container, wallets, input, currency, asset.code, hash))

  const parts = (await wallets.listCashlessRefundParts({ refund_id: refund.id })) as Row[]
  let stopped = false
  for (const part of parts.filter((p) => p.status === "pending")) {
    if (!(await settle(container, wallets, refund, part, asset.code))) {
      stopped = true
      break
    }
  }
  if (!stopped) {
    const settled = (await wallets.listCashlessRefundParts({ refund_id: refund.id })) as Row[]
    const placed = settled.filter((p) => p.status !== "failed").reduce((s, p) => s + Number(p.amount), 0)
    const left = Number(refund.amount) - placed
    if (left > 0) {
      const { parts: plan } = planRefund(await topUpPayments(container, input.wallet_id, currency), left)
      for (const share of plan) {
        const [part] = (await wallets.createCashlessRefundParts([
          { refund_id: refund.id, payment_id: share.payment_id, order_id: share.order_id, amount: share.amount, status: "pending" },
        ])) as Row[]
        if (!(await settle(container, wallets, refund, part, asset.code))) break
      }
    }
  }
  return finish(wallets, refund)
}

/** A new refund request, refused with a readable reason when the money is not there. */
async function open(
  container: MedusaContainer,
  wallets: WalletModuleService,
  input: RefundWalletInput,
  currency: string,
  assetCode: string,
  hash: string
): Promise<Row> {
  const balances = (await wallets.getBalances([input.wallet_id]))[input.wallet_id] ?? []
  const fiat = balances.find((b) => b.asset_code === assetCode)?.balance ?? 0
  const gift = balances.filter((b) => b.kind === "gift" && b.currency_code === currency).reduce((s, b) => s + b.balance, 0)
  if (input.amount > fiat) {
    const giftNote = gift > 0 ? ` (its ${formatMinor(gift, currency)} of gift credit is not refundable)` : ""
    throw LedgerError.insufficientFunds(
      `The wallet holds ${formatMinor(fiat, currency)} of refundable money${giftNote}: refund at most that.`
    )
  }
  const { short } = planRefund(await topUpPayments(container, input.wallet_id, currency), input.amount)
  if (short > 0) {
    const online = input.amount - short
    throw new RefundRefused(
      `Only ${formatMinor(online, currency)} of this wallet was paid online and can go back to those payments; ` +
        `the other ${formatMinor(short, currency)} (paid in cash or received) is refunded in cash at a till.`
    )
  }
  const [created] = (await wallets.createCashlessRefunds([
    {
      idempotency_key: input.idempotency_key,
      request_hash: hash,
      wallet_id: input.wallet_id,
      currency_code: currency,
      amount: input.amount,
      refunded_amount: 0,
      status: "pending",
      actor: input.actor,
      reason: input.reason ?? null,
    },
  ])) as Row[]
  return created
}

/**
 * One share: the wallet debit, then the provider refund through Medusa's refund flow. Answers
 * false when it could not be paid (the debit is reversed, the share marked failed).
 */
async function settle(container: MedusaContainer, wallets: WalletModuleService, refund: Row, part: Row, assetCode: string): Promise<boolean> {
  const done = await medusaRefundOf(container, part)
  if (done) {
    await wallets.updateCashlessRefundParts({ id: part.id, status: "paid", provider_refund_id: done })
    return true
  }
  let entryId: string | null = part.entry_id ?? null
  if (!entryId) {
    try {
      const entry = await wallets.refund({
        wallet_id: refund.wallet_id,
        asset_code: assetCode,
        amount: Number(part.amount),
        destination: "online_payments",
        external_ref: orderPaymentRef(part.order_id, part.payment_id, `refund:${refund.id}`),
        idempotency_key: `refund:${part.id}`,
        actor: refund.actor,
        reason: refund.reason ?? "refund to the original payment",
      })
      entryId = entry.entry.id
      await wallets.updateCashlessRefundParts({ id: part.id, entry_id: entryId })
    } catch (err) {
      // Spent at the bar meanwhile: nothing was taken, nothing is sent.
      await wallets.updateCashlessRefundParts({ id: part.id, status: "failed", error: messageOf(err) })
      return false
    }
  }
  try {
    await refundPaymentWorkflow(container).run({
      input: {
        payment_id: part.payment_id,
        amount: toMajorUnits(Number(part.amount), refund.currency_code),
        created_by: refund.actor ?? undefined,
        note: `Cashless wallet refund ${refund.id}`,
        metadata: { [REFUND_PART_KEY]: part.id },
        // Medusa's refund step passes the whole input to the payment module, which stores
        // `metadata` on the refund: how a retry recognises a share already paid.
      } as RefundPaymentWorkflowInput,
    })
  } catch (err) {
    await wallets.reverse({
      entry_id: entryId,
      idempotency_key: `refund:${part.id}:refused`,
      reason: `the payment provider refused the refund: ${messageOf(err)}`.slice(0, 500),
      actor: "system:refund",
    })
    await wallets.updateCashlessRefundParts({ id: part.id, status: "failed", error: messageOf(err) })
    return false
  }
  await wallets.updateCashlessRefundParts({ id: part.id, status: "paid", provider_refund_id: await medusaRefundOf(container, part) })
  return true
}

/** The Medusa refund made for this share, if there is one. */
async function medusaRefundOf(container: MedusaContainer, part: Row): Promise<string | null> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "payment", fields: ["id", "refunds.id", "refunds.metadata"], filters: { id: part.payment_id } })
  const refunds = (data[0]?.refunds ?? []) as Array<{ id: string; metadata?: Record<string, unknown> | null }>
  return refunds.find((r) => r.metadata?.[REFUND_PART_KEY] === part.id)?.id ?? null
}

async function finish(wallets: WalletModuleService, refund: Row): Promise<RefundView> {
  const parts = (await wallets.listCashlessRefundParts({ refund_id: refund.id })) as Row[]
  const paid = parts.filter((p) => p.status === "paid").reduce((s, p) => s + Number(p.amount), 0)
  const pending = parts.some((p) => p.status === "pending")
  const lastError = [...parts].reverse().find((p) => p.status === "failed")?.error ?? null
  const status = pending ? "pending" : paid === Number(refund.amount) ? "succeeded" : paid > 0 ? "partial" : "failed"
  await wallets.updateCashlessRefunds({ id: refund.id, status, refunded_amount: paid, error: status === "succeeded" ? null : lastError })
  return view(wallets, { ...refund, status, refunded_amount: paid, error: status === "succeeded" ? null : lastError }, false)
}

async function view(wallets: WalletModuleService, refund: Row, replayed: boolean): Promise<RefundView> {
  const parts = (await wallets.listCashlessRefundParts({ refund_id: refund.id })) as Row[]
  return refundView(refund, parts, replayed)
}

function messageOf(err: unknown): string {
  const message = (err as { message?: unknown })?.message
  return typeof message === "string" && message ? message : String(err)
}
