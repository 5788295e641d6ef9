import type { Lang } from "./i18n.js"

const locale = (lang: Lang) => (lang === "fr" ? "fr-FR" : "en-GB")

/** Decimal places of a currency's minor unit (EUR 2, JPY 0), as the server counts them. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Minor units as money for people: 2000 eur → "20,00 €" (fr) or "€20.00" (en). */
export function formatMinor(amount: number, currency: string, lang: Lang): string {
  const digits = minorDigits(currency)
  const major = amount / 10 ** digits
  try {
    return new Intl.NumberFormat(locale(lang), { style: "currency", currency: currency.toUpperCase() }).format(major)
  } catch {
    return `${major.toFixed(digits)} ${currency.toUpperCase()}`
  }
}

/**
 * What a person typed ("20", "12,50", "12.5") as minor units, from the decimal text and never
 * through a float (12.10 × 100 is not 1210 in binary); null when it is not an amount.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency)
  const match = /^\s*(\d{1,7})(?:[.,](\d*))?\s*$/.exec(text)
  if (!match) return null
  const fraction = match[2] ?? ""
  if (fraction.length > digits) return null
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0")
  return minor > 0 ? minor : null
}

export function formatDate(iso: string | null, lang: Lang): string {
  if (!iso) return ""
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "medium" }).format(new Date(iso))
}
