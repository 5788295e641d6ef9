import { generateQrToken, isAcceptableQrToken } from "../qr-token"

describe("QR tokens", () => {
  it("are URL-safe, carry 160 random bits and do not repeat", () => {
    const tokens = Array.from({ length: 2_000 }, generateQrToken)
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{27}$/)
      expect(Buffer.from(t, "base64url")).toHaveLength(20)
    }
    expect(new Set(tokens).size).toBe(tokens.length)
  })

  it("accepts imported tokens of at least 128 bits only", () => {
    expect(isAcceptableQrToken(generateQrToken())).toBe(true)
    expect(isAcceptableQrToken("A".repeat(22))).toBe(true)
    expect(isAcceptableQrToken("A".repeat(21))).toBe(false)
    expect(isAcceptableQrToken("has space in it 12345678")).toBe(false)
    expect(isAcceptableQrToken("slash/is/not/url/safe/!")).toBe(false)
  })
})
