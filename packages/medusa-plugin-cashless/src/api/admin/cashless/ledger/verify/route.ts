import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE } from "../../../../../modules/wallet"
import type WalletModuleService from "../../../../../modules/wallet/service"

/** Recomputes every chain, entry hash and balance; lists each row that disagrees. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const wallet = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  res.json(await wallet.verify())
}
