import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../modules/wallet"
import type WalletModuleService from "../modules/wallet/service"
import type { EntryResult } from "../modules/wallet/types"
import { orderPaymentRef, orderRefPrefix, parseOrderPaymentRef } from "./ledger-refs"
import { formatMinor } from "./money"

/** Top-up money of one order still in a wallet, for one payment. */
export type TopUpHeld = { order_id: string; payment_id: string; wallet_id: string; asset_code: string; currency_code: string; credited: number; held: number }

/**
 * Medusa may not send this order's money back: its top-up money was spent (that would create
 * money), or it is a till sale (its money moved at the till).
 */
export class TopUpSpent extends MedusaError {
  constructor(
    message: string,
    readonly code: "top_up_spent" | "till_order" = "top_up_spent"
  ) {
    super(MedusaError.Types.NOT_ALLOWED, message, code)
  }
}

/**
 * What the order's top-ups credited and has not gone back yet (wallet refunds, earlier refunds
 * from the Medusa admin), per payment, with the wallet that holds that money now (a card's
 * wallet merged into its holder's is followed).
 */
export async function topUpsHeld(container: MedusaContainer, orderId: string, paymentId?: string): Promise<TopUpHeld[]> {
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const assets = new Map((await wallets.listAssetRecords()).map((a) => [a.code, a]))
  const held = new Map<string, TopUpHeld>()
  for (const row of await wallets.entriesByRef(orderRefPrefix(orderId))) {
    if (row.kind !== "credit" && row.kind !== "refund") continue
    const ref = parseOrderPaymentRef(row.external_ref)
    if (!ref || (paymentId && ref.payment_id !== paymentId)) continue
    const k = `${ref.payment_id}|${row.asset_code}`
    const entry = held.get(k) ?? {
      order_id: orderId,
      payment_id: ref.payment_id,
      wallet_id: row.wallet_id,
      asset_code: row.asset_code,
      currency_code: assets.get(row.asset_code)?.currency_code ?? "eur",
      credited: 0,
      held: 0,
    }
    if (row.kind === "credit") {
      entry.credited += row.amount
      entry.wallet_id = row.wallet_id
    }
    entry.held += row.amount
    held.set(k, entry)
  }
  const out = [...held.values()].filter((h) => h.held > 0)
  for (const h of out) h.wallet_id = await wallets.fusedInto(h.wallet_id)
  return out
}

/**
 * Takes top-up money of an order back out of the wallets before its payment is refunded (an
 * order cancelled or a payment refunded in the Medusa admin), at most `limit` minor units when
 * given. All or nothing: when a wallet no longer holds its share, what was taken is put back
 * and `TopUpSpent` says how much is left. `purpose` keys the entries: the same purpose again
 * takes nothing twice, and once undone a new attempt takes again (`attemptKey`).
 */
export async function takeBackTopUps(
  container: MedusaContainer,
  input: { order_id: string; payment_id?: string; limit?: number; purpose: string; actor: string | null; display?: string }
): Promise<EntryResult[]> {
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const taken: EntryResult[] = []
  let left = input.limit ?? Number.MAX_SAFE_INTEGER
  for (const share of await topUpsHeld(container, input.order_id, input.payment_id)) {
    const amount = Math.min(share.held, left)
    if (amount <= 0) break
    const balance = (await wallets.getBalances([share.wallet_id]))[share.wallet_id]?.find((b) => b.asset_code === share.asset_code)?.balance ?? 0
    try {
      taken.push(
        await wallets.refund({
          wallet_id: share.wallet_id,
          asset_code: share.asset_code,
          amount,
          destination: "online_payments",
          external_ref: orderPaymentRef(share.order_id, share.payment_id, input.purpose),
          idempotency_key: await wallets.attemptKey(`take-back:${share.payment_id}:${input.purpose}`),
          actor: input.actor,
          reason: `money of order ${input.display ?? share.order_id} going back to its payment`,
        })
      )
    } catch (err) {
      await undoTakeBack(container, taken, "the order's refund was refused")
      if ((err as { code?: string }).code !== "insufficient_funds") throw err
      throw new TopUpSpent(
        `Order ${input.display ?? share.order_id} put ${formatMinor(share.held, share.currency_code)} of top-up in a wallet that holds ` +
          `${formatMinor(Math.min(balance, share.held), share.currency_code)} of it now: the rest was spent. Refund at most what is left ` +
          `from the wallet (Cashless › Wallets), or correct the wallet first.`
      )
    }
    left -= amount
  }
  return taken
}

/** Puts back what `takeBackTopUps` took, when the refund or cancellation it was for failed. */
export async function undoTakeBack(container: MedusaContainer, taken: EntryResult[], why: string): Promise<void> {
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  for (const result of taken) {
    if (result.replayed) continue
    await wallets.reverse({ entry_id: result.entry.id, idempotency_key: `${result.entry.id}:undo`, reason: why, actor: "system:refund" })
  }
}
