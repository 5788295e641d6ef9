import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pluginOptions } from "./plugin-options"

/** Line item metadata key of a top-up: who it is for. */
export const TOP_UP_KEY = "cashless_top_up"
/** Product metadata key marking the plugin's top-up product; its value is the currency. */
export const TOP_UP_PRODUCT_KEY = "cashless_top_up_currency"

export const topUpHandle = (currencyCode: string) => `cashless-top-up-${currencyCode.toLowerCase()}`

/**
 * Who a top-up credits: the buyer's own wallet, or a card found by its QR token. It is stored in
 * the cart line's metadata, which the buyer reads back: never the card's printed number or UID,
 * since whoever holds only the QR code must not learn the claim's second factor (docs/cards.md).
 */
export type TopUpTarget = { kind: "customer"; customer_id: string } | { kind: "card"; card_id: string }

export function topUpLimits(container: MedusaContainer): { min: number; max: number } {
  const options = pluginOptions(container)
  const min = options.topUpMinAmount ?? 500
  const max = options.topUpMaxAmount ?? 50_000
  return { min, max }
}

export const topUpOf = (metadata: Record<string, unknown> | null | undefined): TopUpTarget | null => {
  const target = metadata?.[TOP_UP_KEY] as TopUpTarget | undefined
  return target && (target.kind === "customer" || target.kind === "card") ? target : null
}

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, unknown>> }> }

/** Which of these variants are top-ups (the plugin's top-up products). */
export async function topUpVariants(container: MedusaContainer, variantIds: string[]): Promise<Set<string>> {
  if (!variantIds.length) return new Set()
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product.metadata"], filters: { id: variantIds } })
  return new Set(
    (data as Array<{ id: string; product?: { metadata?: Record<string, unknown> | null } | null }>)
      .filter((v) => !!v.product?.metadata?.[TOP_UP_PRODUCT_KEY])
      .map((v) => v.id)
  )
}
