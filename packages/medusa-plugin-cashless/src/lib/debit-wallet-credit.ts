import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../modules/wallet"
import type WalletModuleService from "../modules/wallet/service"
import { ensureCustomerWallet } from "./customer-wallet"
import { cartRef } from "./ledger-refs"
import { formatMinor, minorOf } from "./money"
import { cartForCredit, holdsTopUp, TOP_UP_WITH_WALLET, walletCreditLines } from "./wallet-credit"

/** Revenue account of what is paid online with wallets. */
export const ONLINE_POINT_OF_SALE = "online"

/**
 * At cart completion, before the order exists: debits the wallet of each wallet credit line. A
 * wallet that no longer holds the amount refuses the completion with what is missing. Returns the
 * entries posted, for the compensation to reverse if a later step of the completion fails.
 */
export async function debitWalletCredit(container: MedusaContainer, cartId: string): Promise<string[]> {
  const cart = await cartForCredit(container, cartId)
  if (!cart) return []
  const lines = walletCreditLines(cart)
  if (!lines.length) return []
  if (holdsTopUp(cart)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, TOP_UP_WITH_WALLET)
  // The cart may have changed hands since the credit was applied: only its customer's wallet pays.
  const own = cart.customer_id ? await ensureCustomerWallet(container, cart.customer_id) : null
  if (lines.some((l) => l.reference_id !== own)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The wallet payment on this cart belongs to another account: remove it (DELETE …/wallet-credit) and apply your own."
    )
  }
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const posted: string[] = []
  for (const line of lines) {
    const amount = minorOf(line.amount, cart.currency_code)
    try {
      const result = await wallets.spend({
        wallet_id: line.reference_id!,
        currency_code: cart.currency_code,
        amount,
        point_of_sale: ONLINE_POINT_OF_SALE,
        external_ref: cartRef(cart.id),
        idempotency_key: await wallets.attemptKey(`cart-credit:${line.id}`),
        actor: cart.customer_id ? `customer:${cart.customer_id}` : null,
      })
      if (!result.replayed) posted.push(result.entry.id)
    } catch (err) {
      for (const entryId of posted) await reverseDebit(container, entryId)
      const code = (err as { code?: string }).code
      if (code === "insufficient_funds") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Your wallet no longer holds the ${formatMinor(amount, cart.currency_code)} applied to this cart: remove the wallet payment or apply less.`
        )
      }
      throw err
    }
  }
  return posted
}

export async function reverseDebit(container: MedusaContainer, entryId: string): Promise<void> {
  await container.resolve<WalletModuleService>(WALLET_MODULE).reverse({
    entry_id: entryId,
    idempotency_key: `${entryId}:compensation`,
    reason: "cart completion failed",
    actor: "system:workflow",
  })
}
