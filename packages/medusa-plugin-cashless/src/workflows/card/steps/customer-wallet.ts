import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ensureCustomerWallet } from "../../../lib/customer-wallet"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"

/**
 * The customer's wallet (created when they have none), and whether it holds money: a second
 * card is then refused (anti-theft).
 */
export const ensureCustomerWalletStep = createStep(
  "cashless-ensure-customer-wallet",
  async (input: { customer_id: string }, { container }) => {
    const walletId = await ensureCustomerWallet(container, input.customer_id)
    const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
    const balances = (await wallets.getBalances([walletId]))[walletId] ?? []
    return new StepResponse({ wallet_id: walletId, has_balance: balances.some((b) => b.balance > 0) })
  }
)
