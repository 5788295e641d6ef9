import { CODE_ALPHABET, formatPairingCode, isDeviceToken, newDeviceToken, newPairingCode, normalizePairingCode, sha256Hex } from "../lib/secrets"

describe("pairing codes and device tokens", () => {
  it("draws 8 characters of Crockford base32, never I, L, O or U", () => {
    const codes = Array.from({ length: 500 }, newPairingCode)
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/)
    expect(CODE_ALPHABET).toHaveLength(32)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it("shows a code as XXXX-XXXX and reads back what a person typed", () => {
    expect(formatPairingCode("K7Q4M2XP")).toBe("K7Q4-M2XP")
    expect(normalizePairingCode(" k7q4-m2xp ")).toBe("K7Q4M2XP")
    expect(normalizePairingCode("K7Q4 M2XP")).toBe("K7Q4M2XP")
    expect(normalizePairingCode("K7Q4-M2X")).toBeNull()
    expect(normalizePairingCode("K7Q4-M2XO")).toBeNull() // O is not in the alphabet
  })

  it("makes tokens of cdt_ and 43 base64url characters, and hashes them to sha256 hex", () => {
    const token = newDeviceToken()
    expect(token).toMatch(/^cdt_[A-Za-z0-9_-]{43}$/)
    expect(isDeviceToken(token)).toBe(true)
    expect(isDeviceToken("eyJhbGciOiJIUzI1NiJ9.e30.x")).toBe(false)
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  })
})
