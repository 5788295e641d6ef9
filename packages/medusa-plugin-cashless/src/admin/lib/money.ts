import { formatMinor, toMinorUnits } from "../../lib/money"

/**
 * Amounts for people. The conversion itself stays in the plugin's one tested place
 * (`src/lib/money.ts`); this only adapts it to what a form field or an unknown asset gives.
 */

/** 1250, "eur" → "12.50 EUR". Without a currency (an asset this page does not know) the raw minor units show. */
export function formatMoney(minor: number, currencyCode: string | null | undefined): string {
  return currencyCode ? formatMinor(minor, currencyCode) : `${minor} (minor units)`
}

/** Like formatMoney, with an explicit "+" so credits and debits read apart in a history. */
export function formatSignedMoney(minor: number, currencyCode: string | null | undefined): string {
  return `${minor > 0 ? "+" : ""}${formatMoney(minor, currencyCode)}`
}

/**
 * What staff type ("-2.50", "2,5", "+10") → integer minor units, or an error to show.
 * A comma is accepted as the decimal separator: French keyboards and habits write "2,50".
 */
export function parseMajorUnits(
  text: string,
  currencyCode: string
): { ok: true; minor: number } | { ok: false; error: string } {
  const cleaned = text.trim().replace(/\s+/g, "").replace(",", ".").replace(/^\+/, "")
  if (!cleaned) return { ok: false, error: "Enter an amount." }
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false, error: `"${text.trim()}" is not an amount, e.g. 2.50` }
  try {
    return { ok: true, minor: toMinorUnits(cleaned, currencyCode) }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
}
