import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { topUpOf } from "./top-up"

/** `reference` of the cart credit lines that pay with a cashless wallet (`reference_id`: the wallet). */
export const WALLET_CREDIT_REFERENCE = "cashless_wallet"

export type CreditLine = {
  id: string
  amount: unknown
  reference: string | null
  reference_id: string | null
  metadata?: Record<string, unknown> | null
}

export type CartForCredit = {
  id: string
  customer_id: string | null
  currency_code: string
  total: unknown
  completed_at: string | null
  credit_lines?: CreditLine[] | null
  items?: Array<{ metadata?: Record<string, unknown> | null }> | null
}

export const walletCreditLines = (cart: { credit_lines?: CreditLine[] | null }) =>
  (cart.credit_lines ?? []).filter((l) => l.reference === WALLET_CREDIT_REFERENCE)

/**
 * Wallet money cannot buy a top-up: gift credit would come back as refundable money, and a
 * top-up paid by nobody's card could never be refunded online.
 */
export const TOP_UP_WITH_WALLET = "A top-up cannot be paid with wallet money: remove the wallet payment or the top-up."

export const holdsTopUp = (cart: { items?: Array<{ metadata?: Record<string, unknown> | null }> | null }) =>
  (cart.items ?? []).some((i) => topUpOf(i.metadata))

export async function cartForCredit(container: MedusaContainer, cartId: string): Promise<CartForCredit | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "total", "completed_at", "credit_lines.*", "items.metadata"],
    filters: { id: cartId },
  })
  return data[0] as CartForCredit | undefined
}

/** The cart module's credit lines (generated methods the module's public type does not list). */
export type CreditLineService = {
  createCreditLines(data: Array<{ cart_id: string; amount: number; reference: string; reference_id: string; metadata?: Record<string, unknown> }>): Promise<Array<{ id: string }>>
  deleteCreditLines(ids: string[]): Promise<void>
}

export const creditLineService = (container: MedusaContainer) => container.resolve(Modules.CART) as unknown as CreditLineService
