/**
 * Card UIDs as readers and people type them (`04:a1:b2…`, `04 A1 B2…`, `04a1b2…`) become the
 * server's one form: uppercase hex of 4, 7 or 10 bytes. A copy of the plugin's
 * `src/lib/card-uid.ts`, because the agent installs on a Raspberry Pi without the Medusa plugin;
 * test/uid-equivalence.spec.ts runs both on one generated corpus so they cannot drift apart.
 */

export const UID_BYTE_LENGTHS = [4, 7, 10] as const

export class InvalidCardUidError extends Error {
  constructor(readonly input: string, detail: string) {
    super(
      `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}" is not a card UID (${detail}): ` +
        "a UID is 4, 7 or 10 bytes in hexadecimal, e.g. 04A1B2C3D4E5F6 or 04:a1:b2:c3:d4:e5:f6."
    )
  }
}

export function normalizeCardUid(input: string): string {
  if (typeof input !== "string") throw new InvalidCardUidError(String(input), "not text")
  const trimmed = input.trim()
  if (!trimmed) throw new InvalidCardUidError(input, "empty")
  // Separators may group the digits (by byte, or by pairs of bytes), never split a byte.
  const groups = trimmed.split(/[\s:-]+/)
  if (groups.some((g) => g.length === 0 || g.length % 2 !== 0)) {
    throw new InvalidCardUidError(input, "separators split a byte")
  }
  const hex = groups.join("")
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new InvalidCardUidError(input, "only 0-9 and A-F are allowed")
  const bytes = hex.length / 2
  if (!(UID_BYTE_LENGTHS as readonly number[]).includes(bytes)) {
    throw new InvalidCardUidError(input, `${bytes} bytes`)
  }
  return hex.toUpperCase()
}
