import { countdown, isOnline, pairCommand, timeAgo } from "../device-words"

describe("device page words", () => {
  const now = Date.parse("2026-12-01T12:00:00Z")
  const ago = (s: number) => new Date(now - s * 1000).toISOString()

  it("tells when a reader was last seen in words", () => {
    expect(timeAgo(null, now)).toBe("never")
    expect(timeAgo(ago(3), now)).toBe("just now")
    expect(timeAgo(ago(40), now)).toBe("40 s ago")
    expect(timeAgo(ago(125), now)).toBe("2 min ago")
    expect(timeAgo(ago(3 * 3600 + 5), now)).toBe("3 h ago")
    expect(timeAgo(ago(86_400), now)).toBe("1 day ago")
    expect(timeAgo(ago(5 * 86_400), now)).toBe("5 days ago")
  })

  it("is online when seen within 90 s and not revoked", () => {
    expect(isOnline({ last_seen_at: ago(89), revoked_at: null }, now)).toBe(true)
    expect(isOnline({ last_seen_at: ago(91), revoked_at: null }, now)).toBe(false)
    expect(isOnline({ last_seen_at: ago(1), revoked_at: ago(0) }, now)).toBe(false)
    expect(isOnline({ last_seen_at: null, revoked_at: null }, now)).toBe(false)
  })

  it("counts down a code's life and writes the command to pair", () => {
    expect(countdown(new Date(now + 545_000).toISOString(), now)).toBe("9:05")
    expect(countdown(new Date(now - 1000).toISOString(), now)).toBe("0:00")
    expect(pairCommand("http://localhost:9000/", "K7Q4-M2XP")).toBe("cashless-reader pair http://localhost:9000 K7Q4-M2XP")
  })
})
