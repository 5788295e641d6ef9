import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

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
}

export const walletCreditLines = (cart: { credit_lines?: CreditLine[] | null }) =>
  (cart.credit_lines ?? []).filter((l) => l.reference === WALLET_CREDIT_REFERENCE)

export async function cartForCredit(container: MedusaContainer, cartId: string): Promise<CartForCredit | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "total", "completed_at", "credit_lines.*"],
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
