import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WALLET_MODULE } from "../../../../modules/wallet"
import type WalletModuleService from "../../../../modules/wallet/service"
import type { WalletBalance } from "../../../../modules/wallet/types"

type Customer = { id: string; email?: string | null; first_name?: string | null; last_name?: string | null }

export const WALLET_FIELDS = [
  "id",
  "label",
  "created_at",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
]

/** The wallet as the admin API shows it. */
export function walletView(w: Record<string, unknown>, balances: WalletBalance[]) {
  const customer = (w.customer as Customer | null | undefined) ?? null
  return {
    id: w.id as string,
    label: (w.label as string | null) ?? null,
    created_at: w.created_at ?? null,
    customer: customer
      ? {
          id: customer.id,
          email: customer.email ?? null,
          name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null,
        }
      : null,
    balances,
  }
}

/** One wallet with its holder (through the link) and balances, or 404. */
export async function retrieveWalletView(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cashless_wallet", fields: WALLET_FIELDS, filters: { id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wallet ${id} not found.`)
  const balances = await scope.resolve<WalletModuleService>(WALLET_MODULE).getBalances([id])
  return walletView(data[0], balances[id] ?? [])
}
