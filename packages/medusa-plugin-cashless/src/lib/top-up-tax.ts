import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Code of the 0 % rate the plugin puts on the top-up product in every tax region. */
export const TOP_UP_TAX_CODE = "CASHLESS-TOP-UP-0"

type TaxRegion = { id: string; tax_rates?: Array<{ code: string | null; rules?: Array<{ reference: string; reference_id: string }> | null }> | null }
type Locking = { execute<T>(keys: string, job: () => Promise<T>, args?: { timeout?: number }): Promise<T> }
type TaxModule = {
  listTaxRegions(filters: Record<string, unknown>, config: Record<string, unknown>): Promise<TaxRegion[]>
  createTaxRates(data: Array<Record<string, unknown>>): Promise<unknown>
}

/**
 * A top-up is a multi-purpose voucher: no VAT when it is sold, VAT on what it later buys. The
 * product gets a 0 % rate in every tax region, provinces included (Medusa ranks a province's
 * default rate above a country's product rate), not combinable with a parent region's rate.
 * Checked at each top-up, so tax regions added later are covered from their first top-up.
 */
export async function ensureTopUpTaxFree(container: MedusaContainer, productId: string): Promise<number> {
  // Two first top-ups at once must not both add the rate.
  const locking = container.resolve<Locking>(Modules.LOCKING)
  return locking.execute(`cashless-top-up-tax:${productId}`, () => addMissingRates(container, productId), { timeout: 30 })
}

async function addMissingRates(container: MedusaContainer, productId: string): Promise<number> {
  const tax = container.resolve<TaxModule>(Modules.TAX)
  const regions = await tax.listTaxRegions({}, { relations: ["tax_rates", "tax_rates.rules"] })
  const missing = regions.filter(
    (r) => !(r.tax_rates ?? []).some((rate) => (rate.rules ?? []).some((rule) => rule.reference === "product" && rule.reference_id === productId))
  )
  if (!missing.length) return 0
  await tax.createTaxRates(
    missing.map((r) => ({
      tax_region_id: r.id,
      name: "Wallet top-up (multi-purpose voucher, no VAT)",
      code: TOP_UP_TAX_CODE,
      rate: 0,
      is_default: false,
      is_combinable: false,
      rules: [{ reference: "product", reference_id: productId }],
      created_by: "cashless",
    }))
  )
  return missing.length
}
