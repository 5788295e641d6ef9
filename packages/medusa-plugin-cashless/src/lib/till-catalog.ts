import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, QueryContext } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import { priceSale } from "./till-prices"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any

export type CatalogPointOfSale = {
  id: string
  name: string
  sales_channel_id: string
  currency_code: string
  country_code: string
  tenders: string[]
  category_ids: string[] | null
  collection_ids: string[] | null
}

export type TillCatalog = {
  point_of_sale: { id: string; name: string; currency_code: string; country_code: string; tenders: string[] }
  categories: Array<{ id: string; name: string }>
  products: Array<{
    id: string
    title: string
    thumbnail: string | null
    category_ids: string[]
    variants: Array<{ id: string; title: string; unit_price: number; tax_rate: number; membership_plan: { id: string; name: string } | null }>
  }>
}

/** A bar's grid, not a shop's catalogue: past this the till would need search, not buttons. */
export const CATALOG_LIMIT = 500

/**
 * What the till's grid shows: the published products of the point of sale's sales channel,
 * narrowed to its categories and collections when it has some, each variant at its public price
 * tag (VAT included, as the sale route prices it; a member's price shows on the receipt once
 * their card is tapped). Variants without a price in the till's currency cannot be sold: left out.
 */
export async function tillCatalog(container: MedusaContainer, pos: CatalogPointOfSale): Promise<TillCatalog> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: pos.sales_channel_id },
  })
  const productIds = [...new Set(links.map((l) => String(l.product_id)))]
  const head = {
    point_of_sale: { id: pos.id, name: pos.name, currency_code: pos.currency_code, country_code: pos.country_code, tenders: pos.tenders },
  }
  if (!productIds.length) return { ...head, categories: [], products: [] }

  const { data: found } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "thumbnail",
      "collection_id",
      "categories.id",
      "categories.name",
      "categories.rank",
      "variants.id",
      "variants.title",
      "variants.variant_rank",
      "variants.calculated_price.calculated_amount",
    ],
    filters: { id: productIds, status: "published" },
    pagination: { take: CATALOG_LIMIT, order: { title: "ASC" } },
    context: { variants: { calculated_price: QueryContext({ currency_code: pos.currency_code }) } },
  })
  const categoryFilter = pos.category_ids?.length ? new Set(pos.category_ids) : null
  const collectionFilter = pos.collection_ids?.length ? new Set(pos.collection_ids) : null
  const shown = found.filter((p) => {
    if (!categoryFilter && !collectionFilter) return true
    const inCategory = !!categoryFilter && (p.categories ?? []).some((c: { id: string }) => categoryFilter.has(c.id))
    const inCollection = !!collectionFilter && !!p.collection_id && collectionFilter.has(p.collection_id)
    return inCategory || inCollection
  })
  const priced = shown.flatMap((p) =>
    (p.variants ?? []).filter((v: Record<string, any>) => v.calculated_price?.calculated_amount != null) // eslint-disable-line @typescript-eslint/no-explicit-any
  )
  if (!priced.length) return { ...head, categories: [], products: [] }

  const [sale, plans] = await Promise.all([
    priceSale(container, {
      currency_code: pos.currency_code,
      country_code: pos.country_code,
      sales_channel_id: pos.sales_channel_id,
      group_ids: [],
      lines: priced.map((v: { id: string }) => ({ variant_id: v.id, quantity: 1 })),
    }),
    container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).plansForVariants(priced.map((v: { id: string }) => v.id)),
  ])
  const lineOf = new Map(sale.lines.map((l) => [l.variant_id, l]))
  const categories = new Map<string, { id: string; name: string; rank: number }>()
  const products: TillCatalog["products"] = []
  for (const p of shown) {
    const variants = [...(p.variants ?? [])]
      .filter((v) => lineOf.has(v.id))
      .sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))
      .map((v) => {
        const line = lineOf.get(v.id)!
        const plan = plans.get(v.id)
        return {
          id: String(v.id),
          title: String(v.title ?? p.title),
          unit_price: line.unit_price,
          tax_rate: line.tax_rate,
          membership_plan: plan ? { id: plan.id, name: plan.name } : null,
        }
      })
    if (!variants.length) continue
    const own = (p.categories ?? []) as Array<{ id: string; name: string; rank: number | null }>
    own.forEach((c) => categories.set(c.id, { id: c.id, name: c.name, rank: c.rank ?? 0 }))
    products.push({ id: String(p.id), title: String(p.title), thumbnail: p.thumbnail ?? null, category_ids: own.map((c) => c.id), variants })
  }
  return {
    ...head,
    categories: [...categories.values()].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name)).map(({ id, name }) => ({ id, name })),
    products,
  }
}
