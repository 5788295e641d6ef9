import { minorToDecimalString, toMinorUnits } from "../../../lib/money"
import type { Lang } from "./i18n"

/** 1250, "eur" → "12.50 EUR" in English, "12,50 EUR" in French. */
export function formatAmount(minor: number, currencyCode: string, lang: Lang): string {
  const text = minorToDecimalString(minor, currencyCode)
  return `${lang === "fr" ? text.replace(".", ",") : text} ${currencyCode.toUpperCase()}`
}

/**
 * What a cashier types ("12", "12.5", "12,50") → minor units, or null. Negative amounts and
 * fractions of a cent are not amounts at a till.
 */
export function parseAmount(text: string, currencyCode: string): number | null {
  const cleaned = text.trim().replace(/\s+/g, "").replace(",", ".")
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null
  try {
    return toMinorUnits(cleaned, currencyCode)
  } catch {
    return null
  }
}
