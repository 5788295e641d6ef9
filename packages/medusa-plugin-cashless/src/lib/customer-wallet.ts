import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../modules/wallet"
import type WalletModuleService from "../modules/wallet/service"

type Customer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  cashless_wallet?: { id: string } | null
}

/**
 * The customer's wallet, created and linked when they have none. A created wallet gets an id
 * derived from the customer, so two requests at once create one wallet. Nothing to undo: an
 * empty wallet holds no money.
 */
export async function ensureCustomerWallet(container: MedusaContainer, customerId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "cashless_wallet.id"],
    filters: { id: customerId },
  })
  const customer = data[0] as Customer | undefined
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} not found.`)
  if (customer.cashless_wallet?.id) return customer.cashless_wallet.id
  const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || customer.id
  const wallet = await wallets.createWallet({ id: `cwal_cus_${customer.id.replace(/^cus_/, "")}`, label: name })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const pair = { [WALLET_MODULE]: { cashless_wallet_id: wallet.id }, [Modules.CUSTOMER]: { customer_id: customer.id } }
  if (!(await link.list(pair)).length) {
    try {
      await link.create(pair)
    } catch (err) {
      // A simultaneous request for the same customer linked it first.
      if (!(await link.list(pair)).length) throw err
    }
  }
  return wallet.id
}
