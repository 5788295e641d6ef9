import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE } from "../../../../../modules/wallet"
import type WalletModuleService from "../../../../../modules/wallet/service"
import { customerWalletId } from "../customer-wallet"

/** The logged-in customer's wallet and balances; `null` before any money reached it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const walletId = await customerWalletId(req)
  if (!walletId) {
    res.json({ wallet: null })
    return
  }
  const balances = (await req.scope.resolve<WalletModuleService>(WALLET_MODULE).getBalances([walletId]))[walletId] ?? []
  res.json({ wallet: { id: walletId, balances } })
}
