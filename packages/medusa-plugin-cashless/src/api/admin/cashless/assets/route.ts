import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE } from "../../../../modules/wallet"
import type WalletModuleService from "../../../../modules/wallet/service"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const wallet = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  res.json({ assets: await wallet.listAssetRecords() })
}
