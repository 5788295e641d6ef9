import { createHash, randomBytes, randomInt } from "node:crypto"

/**
 * Crockford's base32 alphabet: digits and letters without I, L, O and U, so a code read aloud
 * or copied from a screen has no 1/I/L or 0/O to confuse.
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
export const CODE_LENGTH = 8
export const TOKEN_PREFIX = "cdt_"

/** A fresh pairing code, 8 characters (40 bits), unbiased. */
export function newPairingCode(): string {
  let code = ""
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** `K7Q4M2XP` → `K7Q4-M2XP`, as shown to the manager. */
export const formatPairingCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`

/** What a person typed → the code, or null when it cannot be one (trim, uppercase, spaces and dashes removed). */
export function normalizePairingCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]+/g, "")
  if (code.length !== CODE_LENGTH) return null
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null
  return code
}

/** A device token: `cdt_` and 32 random bytes in base64url (43 characters). Shown once. */
export const newDeviceToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`

/** Only a well-formed token is worth a database lookup. */
export const isDeviceToken = (token: string) => /^cdt_[A-Za-z0-9_-]{43}$/.test(token)

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

/** A code that does not normalize is unknown all the same: its hash matches no stored code. */
export const pairingCodeHash = (input: string) => sha256Hex(normalizePairingCode(input) ?? `not-a-code:${input}`)
