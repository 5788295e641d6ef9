import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, QueryContext } from "@medusajs/framework/utils"
import { TillError } from "../modules/till/lib/errors"
import { minorOf } from "./money"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any
type TaxModule = {
  getTaxLines(items: Array<Record<string, unknown>>, context: { address: { country_code: string } }): Promise<Array<{ line_item_id: string; rate: number; code: string | null }>>
}

/** One line of a till sale as sold: the price and VAT it was sold at, in minor units. */
export type SaleLine = {
  variant_id: string
  product_id: string
  title: string
  quantity: number
  /** The price the holder pays for one, VAT included. */
  unit_price: number
  /** The price list's price when it beat the regular one (a member price), else null. */
  regular_price: number | null
  price_list_id: string | null
  tax_rate: number
  tax_code: string | null
  tax_amount: number
  total: number
}

export type PricedSale = { lines: SaleLine[]; total: number; tax_total: number }

/** The VAT inside a VAT-inclusive amount, rounded to the minor unit. */
export const includedTax = (gross: number, ratePercent: number) => (ratePercent > 0 ? Math.round((gross * ratePercent) / (100 + ratePercent)) : 0)

/**
 * Prices a basket the way the shop would for this holder: Medusa's pricing with the customer
 * groups of the holder (an anonymous member's come from their plan), and Medusa's tax rates for
 * the point of sale's country. Till prices are what the price tag says: VAT included. A price
 * stored without VAT has its VAT added on top, so the till never charges less than the shop.
 */
export async function priceSale(
  container: MedusaContainer,
  input: { currency_code: string; country_code: string; sales_channel_id: string; group_ids: string[]; lines: Array<{ variant_id: string; quantity: number }> }
): Promise<PricedSale> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(input.lines.map((l) => l.variant_id))]
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "product_id", "product.title", "product.status", "product.type_id", "product.sales_channels.id", "calculated_price.*"],
    filters: { id: ids },
    context: {
      calculated_price: QueryContext({
        currency_code: input.currency_code,
        customer: { groups: input.group_ids.map((id) => ({ id })) },
      }),
    },
  })
  const byId = new Map(variants.map((v) => [v.id as string, v]))
  const missing = ids.filter((id) => !byId.get(id))
  if (missing.length) throw new TillError("invalid", `Unknown product variant ${missing.join(", ")}.`)
  for (const v of variants) {
    if (v.product?.status !== "published" || !(v.product?.sales_channels ?? []).some((sc: { id: string }) => sc.id === input.sales_channel_id)) {
      throw new TillError("invalid", `${v.product?.title ?? v.id} is not sold at this point of sale.`)
    }
    if (!v.calculated_price?.calculated_amount && v.calculated_price?.calculated_amount !== 0) {
      throw new TillError("invalid", `${v.product?.title ?? v.id} has no price in ${input.currency_code.toUpperCase()}.`)
    }
  }

  const tax = container.resolve<TaxModule>(Modules.TAX)
  const taxLines = await tax.getTaxLines(
    input.lines.map((l, i) => ({
      id: `line_${i}`,
      product_id: byId.get(l.variant_id)!.product_id,
      product_type_id: byId.get(l.variant_id)!.product?.type_id ?? undefined,
      quantity: l.quantity,
      currency_code: input.currency_code,
    })),
    { address: { country_code: input.country_code } }
  )
  const lines = input.lines.map((l, i): SaleLine => {
    const v = byId.get(l.variant_id)!
    const price = v.calculated_price
    const rate = taxLines.filter((t) => t.line_item_id === `line_${i}`).reduce((s, t) => s + Number(t.rate), 0)
    const stored = minorOf(price.calculated_amount, input.currency_code)
    const unit = price.is_calculated_price_tax_inclusive ? stored : stored + Math.round((stored * rate) / 100)
    const original = price.original_amount != null ? minorOf(price.original_amount, input.currency_code) : null
    const regularUnit = original == null ? null : price.is_original_price_tax_inclusive ? original : original + Math.round((original * rate) / 100)
    const total = unit * l.quantity
    return {
      variant_id: l.variant_id,
      product_id: v.product_id,
      title: v.title && v.title !== "Default" && v.title !== v.product?.title ? `${v.product?.title} — ${v.title}` : v.product?.title ?? v.id,
      quantity: l.quantity,
      unit_price: unit,
      regular_price: regularUnit !== null && regularUnit > unit ? regularUnit : null,
      price_list_id: price.calculated_price?.price_list_id ?? null,
      tax_rate: rate,
      tax_code: taxLines.find((t) => t.line_item_id === `line_${i}`)?.code ?? null,
      tax_amount: includedTax(total, rate),
      total,
    }
  })
  return {
    lines,
    total: lines.reduce((s, l) => s + l.total, 0),
    tax_total: lines.reduce((s, l) => s + l.tax_amount, 0),
  }
}
