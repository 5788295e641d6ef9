import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../../../modules/wallet"
import type WalletModuleService from "../../../modules/wallet/service"

type Customer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  cashless_wallet?: { id: string } | null
}

/**
 * The customer's wallet, created and linked when they have none. A created wallet gets an id
 * derived from the customer, so two bindings at once create one wallet. Also says whether
 * it holds money: a second card is then refused (anti-theft).
 */
export const ensureCustomerWalletStep = createStep(
  "cashless-ensure-customer-wallet",
  async (input: { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "first_name", "last_name", "cashless_wallet.id"],
      filters: { id: input.customer_id },
    })
    const customer = data[0] as Customer | undefined
    if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} not found.`)
    const wallets = container.resolve<WalletModuleService>(WALLET_MODULE)
    let walletId = customer.cashless_wallet?.id
    if (!walletId) {
      const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || customer.id
      const wallet = await wallets.createWallet({ id: `cwal_cus_${customer.id.replace(/^cus_/, "")}`, label: name })
      walletId = wallet.id
      const link = container.resolve(ContainerRegistrationKeys.LINK)
      const pair = { [WALLET_MODULE]: { cashless_wallet_id: walletId }, [Modules.CUSTOMER]: { customer_id: customer.id } }
      if (!(await link.list(pair)).length) {
        try {
          await link.create(pair)
        } catch (err) {
          // A simultaneous binding of the same customer created it first.
          if (!(await link.list(pair)).length) throw err
        }
      }
    }
    const balances = (await wallets.getBalances([walletId]))[walletId] ?? []
    return new StepResponse({ wallet_id: walletId, has_balance: balances.some((b) => b.balance > 0) })
  }
)
