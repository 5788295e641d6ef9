import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../../../../../../modules/wallet"
import type WalletModuleService from "../../../../../../modules/wallet/service"
import { walletView } from "../../../wallets/wallet-view"

type CustomerWithWallet = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  cashless_wallet?: { id: string; label: string | null; created_at: string } | null
}

/** The customer's wallet (`null` when they have none yet), through the wallet↔customer link. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "email",
      "first_name",
      "last_name",
      "cashless_wallet.id",
      "cashless_wallet.label",
      "cashless_wallet.created_at",
    ],
    filters: { id: req.params.id },
  })
  const customer = data[0] as CustomerWithWallet | undefined
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${req.params.id} not found.`)
  const linked = customer.cashless_wallet
  if (!linked) {
    res.json({ wallet: null })
    return
  }
  const wallets = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  const balances = await wallets.getBalances([linked.id])
  const { cashless_wallet: _wallet, ...holder } = customer
  res.json({ wallet: walletView({ ...linked, customer: holder }, balances[linked.id] ?? []) })
}
