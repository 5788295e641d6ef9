import { InvalidCardUidError, normalizeCardUid } from "../card-uid"

describe("normalizeCardUid", () => {
  it.each([
    ["04:A1:B2:C3:D4:E5:F6", "04A1B2C3D4E5F6"],
    ["04:a1:b2:c3:d4:e5:f6", "04A1B2C3D4E5F6"],
    ["04a1b2c3d4e5f6", "04A1B2C3D4E5F6"],
    ["04 A1 B2 C3 D4 E5 F6", "04A1B2C3D4E5F6"],
    ["04-a1-b2-c3-d4-e5-f6", "04A1B2C3D4E5F6"],
    ["  04A1 B2C3 D4E5 F6  ", "04A1B2C3D4E5F6"],
    ["de:ad:be:ef", "DEADBEEF"],
    ["0102030405060708090A", "0102030405060708090A"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeCardUid(input)).toBe(expected)
  })

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["04A1B2", "3 bytes"],
    ["04A1B2C3D4", "5 bytes"],
    ["04A1B2C3D4E5F6A7", "8 bytes"],
    ["0102030405060708090A0B", "11 bytes"],
    ["04A1B2C3D4E5FG", "only 0-9 and A-F are allowed"],
    ["0:4A:1B:2C", "separators split a byte"],
    ["04A1B:2C3D4E5F6", "separators split a byte"],
    ["04A1B2C", "separators split a byte"],
    ["héllo wörld", "separators split a byte"],
  ])("refuses %j (%s) saying what a UID looks like", (input, detail) => {
    let error: unknown
    try {
      normalizeCardUid(input)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(InvalidCardUidError)
    expect((error as Error).message).toContain(`(${detail})`)
    expect((error as Error).message).toContain("a UID is 4, 7 or 10 bytes in hexadecimal")
  })

  it("shortens a huge input in its message", () => {
    expect(() => normalizeCardUid("A".repeat(10_000))).toThrow(/^"A{40}…" is not a card UID/)
  })
})
