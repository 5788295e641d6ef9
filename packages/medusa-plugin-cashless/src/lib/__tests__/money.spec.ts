import { decimalOf, formatMinor, minorOf, toMajorUnits, toMinorUnits, toSafeInteger } from "../money"

describe("money: Medusa major units ↔ ledger minor units", () => {
  it("converts decimal strings exactly", () => {
    expect(toMinorUnits("12.30", "eur")).toBe(1230)
    expect(toMinorUnits("12.3", "EUR")).toBe(1230)
    expect(toMinorUnits("0.05", "eur")).toBe(5)
    expect(toMinorUnits("-4.20", "eur")).toBe(-420)
    expect(toMinorUnits("12.300000", "eur")).toBe(1230)
    expect(toMinorUnits("90071992547409.91", "eur")).toBe(9007199254740991)
  })

  it("absorbs binary noise of numbers but refuses a real fraction of a cent", () => {
    expect(toMinorUnits(0.1 + 0.2, "eur")).toBe(30)
    expect(toMinorUnits(19.99, "eur")).toBe(1999)
    expect(toMinorUnits(1.005 * 100, "eur")).toBe(10050)
    expect(() => toMinorUnits(0.001, "eur")).toThrow("more than 2 decimals")
    expect(() => toMinorUnits("0.001", "eur")).toThrow("more than 2 decimals")
    expect(() => toMinorUnits(Number.NaN, "eur")).toThrow(RangeError)
    expect(() => toMinorUnits("1,50", "eur")).toThrow("not a decimal amount")
  })

  it("knows currencies without or with three decimals", () => {
    expect(toMinorUnits(1500, "jpy")).toBe(1500)
    expect(() => toMinorUnits(1.5, "jpy")).toThrow("more than 0 decimals")
    expect(toMinorUnits("1.234", "kwd")).toBe(1234)
    expect(toMajorUnits(1234, "kwd")).toBe(1.234)
  })

  it("converts back to Medusa amounts and formats for people", () => {
    expect(toMajorUnits(1230, "eur")).toBe(12.3)
    expect(toMajorUnits(5, "eur")).toBe(0.05)
    expect(toMajorUnits(-420, "eur")).toBe(-4.2)
    expect(formatMinor(5, "eur")).toBe("0.05 EUR")
    expect(formatMinor(-123456, "eur")).toBe("-1234.56 EUR")
    for (const minor of [0, 1, 99, 100, 101, 123456789]) {
      expect(toMinorUnits(toMajorUnits(minor, "eur"), "eur")).toBe(minor)
    }
  })

  it("refuses database integers beyond JavaScript's safe range", () => {
    expect(toSafeInteger("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER)
    expect(() => toSafeInteger("9007199254740993")).toThrow("outside the safe integer range")
    expect(() => toMajorUnits(2 ** 53, "eur")).toThrow("not a safe integer")
  })
})

describe("decimalOf / minorOf (Medusa's query forms)", () => {
  it("reads numbers, decimal strings and big number objects alike", () => {
    expect(minorOf(20, "eur")).toBe(2000)
    expect(minorOf("12.50", "eur")).toBe(1250)
    expect(minorOf({ value: "0.3", precision: 20 }, "eur")).toBe(30)
    expect(minorOf({ value: "1500" }, "jpy")).toBe(1500)
    expect(decimalOf({ value: "2" })).toBe("2")
    expect(() => minorOf({ value: "0.001" }, "eur")).toThrow(/more than 2 decimals/)
    expect(() => minorOf(undefined, "eur")).toThrow(/not a decimal amount/)
  })
})
