import { currencyExponent, decimalOf, toMinorUnits } from "../../lib/money"

export type OrderLine = { id: string; quantity: number | string; unit_price: unknown; total?: unknown }

/** A Medusa amount in minor units; a total computed with taxes may carry a fraction of a cent, rounded here. */
const minorOfAmount = (value: unknown, currencyCode: string): number | null => {
  if (value === null || value === undefined) return null
  try {
    return toMinorUnits(decimalOf(value), currencyCode)
  } catch {
    const n = Number(decimalOf(value))
    return Number.isFinite(n) ? Math.round(n * 10 ** currencyExponent(currencyCode)) : null
  }
}

/**
 * What one ticket of the order line cost, in minor units, to show before a refund: the line's
 * total (after discounts and taxes) shared by its tickets, rounded down so that the ticket
 * shown never exceeds its share. The unit price when Medusa gave no total. Null when the line
 * is unknown. The refund's answer gives the amount actually refunded.
 */
export function ticketPriceMinor(lines: OrderLine[] | null | undefined, lineItemId: string, currencyCode: string): number | null {
  const line = lines?.find((l) => l.id === lineItemId)
  if (!line) return null
  const quantity = Number(decimalOf(line.quantity))
  const total = minorOfAmount(line.total, currencyCode)
  if (total !== null && quantity > 0) return Math.floor(total / quantity)
  return minorOfAmount(line.unit_price, currencyCode)
}
