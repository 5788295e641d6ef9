/**
 * The one place where money changes representation. The ledger and our APIs use integer
 * minor units (cents) as JavaScript safe integers; Medusa carries decimal major units
 * (euros); PostgreSQL returns BIGINT as strings.
 */

/** Minor-unit exponent of ISO 4217 currencies that do not use 2 decimals. */
const EXPONENTS: Record<string, number> = {
  bif: 0, clp: 0, djf: 0, gnf: 0, isk: 0, jpy: 0, kmf: 0, krw: 0, pyg: 0, rwf: 0, ugx: 0, vnd: 0,
  vuv: 0, xaf: 0, xof: 0, xpf: 0, bhd: 3, iqd: 3, jod: 3, kwd: 3, lyd: 3, omr: 3, tnd: 3,
}

export function currencyExponent(currencyCode: string): number {
  return EXPONENTS[currencyCode.toLowerCase()] ?? 2
}

/**
 * Converts a Medusa amount (major units) to minor units. A decimal string is converted
 * exactly. A number may carry binary noise from arithmetic (0.1 + 0.2); it is rounded to the
 * nearest minor unit only when it is that close to one. A real fraction of a minor unit is
 * refused, never rounded away.
 */
export function toMinorUnits(amount: number | string, currencyCode: string): number {
  const exponent = currencyExponent(currencyCode)
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) throw new RangeError(`${amount} is not a finite amount`)
    const scaled = amount * 10 ** exponent
    const rounded = Math.round(scaled)
    if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) {
      throw new RangeError(`${amount} ${currencyCode.toUpperCase()} has more than ${exponent} decimals`)
    }
    return toSafeInteger(rounded)
  }
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim())
  if (!match) throw new RangeError(`"${amount}" is not a decimal amount`)
  const [, sign, whole, fraction = ""] = match
  if (fraction.replace(/0+$/, "").length > exponent) {
    throw new RangeError(`${amount} ${currencyCode.toUpperCase()} has more than ${exponent} decimals`)
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, "0").slice(0, exponent))
  return toSafeInteger(sign ? -minor : minor)
}

/** Minor units as a decimal string of major units: 1230 EUR → "12.30". */
export function minorToDecimalString(minor: number, currencyCode: string): string {
  assertSafeInteger(minor)
  const exponent = currencyExponent(currencyCode)
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0")
  const text = exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits
  return `${minor < 0 ? "-" : ""}${text}`
}

/** Converts minor units to the decimal major-unit number Medusa expects. */
export function toMajorUnits(minor: number, currencyCode: string): number {
  return Number(minorToDecimalString(minor, currencyCode))
}

/** "12.30 EUR": minor units for people. */
export function formatMinor(minor: number, currencyCode: string): string {
  return `${minorToDecimalString(minor, currencyCode)} ${currencyCode.toUpperCase()}`
}

/** BIGINT values from PostgreSQL (strings) or JS numbers, refused when not a safe integer. */
export function toSafeInteger(value: string | number | bigint): number {
  const big = typeof value === "bigint" ? value : BigInt(value)
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${value} is outside the safe integer range`)
  }
  return Number(big)
}

export function assertSafeInteger(value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`)
}

/**
 * A Medusa amount or quantity as queries return it: a number, a decimal string, or a big number
 * object (`{ value: "12.5" }`). Read as a decimal, ready for `toMinorUnits`.
 */
export function decimalOf(value: unknown): string | number {
  const raw = typeof value === "object" && value !== null && "value" in value ? (value as { value: unknown }).value : value
  return typeof raw === "number" ? raw : String(raw)
}

/** A Medusa amount (major units, in any of its query forms) in minor units. */
export const minorOf = (value: unknown, currencyCode: string): number => toMinorUnits(decimalOf(value), currencyCode)
