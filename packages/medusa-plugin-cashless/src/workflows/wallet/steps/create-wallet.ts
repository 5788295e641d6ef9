import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"

export const createWalletStep = createStep(
  "cashless-create-wallet",
  async (input: { label?: string | null; metadata?: Record<string, unknown> | null }, { container }) => {
    const wallet = container.resolve<WalletModuleService>(WALLET_MODULE)
    const created = await wallet.createWallet(input)
    return new StepResponse(created, created.id)
  },
  async (walletId, { container }) => {
    if (!walletId) return
    // A wallet without entries holds nothing: removing it loses no money.
    const wallet = container.resolve<WalletModuleService>(WALLET_MODULE)
    await wallet.softDeleteCashlessWallets([walletId])
  }
)
