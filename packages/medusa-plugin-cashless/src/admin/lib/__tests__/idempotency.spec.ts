import { newIdempotencyKey } from "../idempotency"

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe("newIdempotencyKey", () => {
  it("is a random UUID v4", () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey))
    expect(keys.size).toBe(100)
    for (const key of keys) expect(key).toMatch(UUID_V4)
  })

  it("is still a random UUID v4 where crypto.randomUUID is missing (plain http on a LAN address)", () => {
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true })
    try {
      expect(typeof crypto.randomUUID).toBe("undefined")
      const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey))
      expect(keys.size).toBe(100)
      for (const key of keys) expect(key).toMatch(UUID_V4)
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID
    }
    expect(typeof crypto.randomUUID).toBe("function")
  })
})
