import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ensureCustomerWallet } from "../../../lib/customer-wallet"
import { decimalOf, formatMinor, minorOf, toMajorUnits } from "../../../lib/money"
import {
  cartForCredit,
  type CreditLine,
  creditLineService,
  holdsTopUp,
  TOP_UP_WITH_WALLET,
  WALLET_CREDIT_REFERENCE,
  walletCreditLines,
} from "../../../lib/wallet-credit"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"

type Undo = { cart_id: string; created: string[]; removed: CreditLine[] }

async function cartOfCustomer(container: Parameters<typeof cartForCredit>[0], cartId: string, customerId: string) {
  const cart = await cartForCredit(container, cartId)
  // Somebody else's cart is answered like a missing one: nothing tells it exists.
  if (!cart || cart.customer_id !== customerId) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} not found.`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already checked out.")
  if (holdsTopUp(cart)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, TOP_UP_WITH_WALLET)
  return cart
}

async function restore(container: Parameters<typeof cartForCredit>[0], undo: Undo) {
  const lines = creditLineService(container)
  if (undo.created.length) await lines.deleteCreditLines(undo.created)
  if (undo.removed.length) {
    await lines.createCreditLines(
      undo.removed.map((l) => ({
        cart_id: undo.cart_id,
        amount: Number(decimalOf(l.amount)),
        reference: l.reference ?? WALLET_CREDIT_REFERENCE,
        reference_id: l.reference_id ?? "",
        metadata: l.metadata ?? undefined,
      }))
    )
  }
}

/**
 * Pays part or all of a cart with the customer's wallet: one credit line, at most what the wallet
 * holds in the cart's currency (gift credit included) and what the cart comes to. Nothing is
 * debited here: the debit happens when the cart completes.
 */
export const applyWalletCreditStep = createStep(
  "cashless-apply-wallet-credit",
  async (input: { cart_id: string; customer_id: string; amount?: number | null }, { container }) => {
    const cart = await cartOfCustomer(container, input.cart_id, input.customer_id)
    const currency = cart.currency_code
    const previous = walletCreditLines(cart)
    const coverable = minorOf(cart.total, currency) + previous.reduce((sum, l) => sum + minorOf(l.amount, currency), 0)
    const walletId = await ensureCustomerWallet(container, input.customer_id)
    const balances = (await container.resolve<WalletModuleService>(WALLET_MODULE).getBalances([walletId]))[walletId] ?? []
    const spendable = balances.filter((b) => b.currency_code === currency).reduce((sum, b) => sum + b.balance, 0)
    if (input.amount != null && input.amount > spendable) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Your wallet holds ${formatMinor(spendable, currency)}: apply at most that.`)
    }
    if (input.amount != null && input.amount > coverable) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The cart comes to ${formatMinor(coverable, currency)}: apply at most that.`)
    }
    const amount = input.amount ?? Math.min(spendable, coverable)
    if (amount <= 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        spendable <= 0 ? `Your wallet holds nothing in ${currency.toUpperCase()}.` : "The cart has nothing left to pay."
      )
    }
    const lines = creditLineService(container)
    const undo: Undo = { cart_id: cart.id, created: [], removed: previous }
    if (previous.length) await lines.deleteCreditLines(previous.map((l) => l.id))
    const [line] = await lines.createCreditLines([
      {
        cart_id: cart.id,
        amount: toMajorUnits(amount, currency),
        reference: WALLET_CREDIT_REFERENCE,
        reference_id: walletId,
        metadata: { amount_minor: amount },
      },
    ])
    undo.created.push(line.id)
    return new StepResponse({ credit_line_id: line.id, wallet_id: walletId, amount, currency_code: currency }, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (undo) await restore(container, undo)
  }
)

export const removeWalletCreditStep = createStep(
  "cashless-remove-wallet-credit",
  async (input: { cart_id: string; customer_id: string }, { container }) => {
    const cart = await cartOfCustomer(container, input.cart_id, input.customer_id)
    const previous = walletCreditLines(cart)
    if (previous.length) await creditLineService(container).deleteCreditLines(previous.map((l) => l.id))
    return new StepResponse({ removed: previous.length }, { cart_id: cart.id, created: [], removed: previous } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (undo) await restore(container, undo)
  }
)
