import { formatMoney, formatSignedMoney, parseMajorUnits } from "../money"

describe("admin money helpers", () => {
  it("shows minor units as money in the asset's currency", () => {
    expect(formatMoney(1250, "eur")).toBe("12.50 EUR")
    expect(formatMoney(-5, "eur")).toBe("-0.05 EUR")
    expect(formatMoney(0, "eur")).toBe("0.00 EUR")
    expect(formatMoney(1250, "jpy")).toBe("1250 JPY")
    expect(formatMoney(1250, undefined)).toBe("1250 (minor units)")
  })

  it("signs history amounts", () => {
    expect(formatSignedMoney(250, "eur")).toBe("+2.50 EUR")
    expect(formatSignedMoney(-250, "eur")).toBe("-2.50 EUR")
  })

  it("reads what staff type, in major units, with a point or a comma", () => {
    expect(parseMajorUnits("-2.50", "eur")).toEqual({ ok: true, minor: -250 })
    expect(parseMajorUnits("-2,5", "eur")).toEqual({ ok: true, minor: -250 })
    expect(parseMajorUnits(" +10 ", "eur")).toEqual({ ok: true, minor: 1000 })
    expect(parseMajorUnits("0.07", "eur")).toEqual({ ok: true, minor: 7 })
    expect(parseMajorUnits("1 000,00", "eur")).toEqual({ ok: true, minor: 100000 })
    expect(parseMajorUnits("1250", "jpy")).toEqual({ ok: true, minor: 1250 })
  })

  it("refuses what is not an amount in that currency, saying why", () => {
    expect(parseMajorUnits("", "eur")).toEqual({ ok: false, error: "Enter an amount." })
    expect(parseMajorUnits("abc", "eur")).toEqual({ ok: false, error: '"abc" is not an amount, e.g. 2.50' })
    expect(parseMajorUnits("1e3", "eur")).toMatchObject({ ok: false })
    expect(parseMajorUnits("2.505", "eur")).toEqual({ ok: false, error: "2.505 EUR has more than 2 decimals" })
    expect(parseMajorUnits("1.5", "jpy")).toEqual({ ok: false, error: "1.5 JPY has more than 0 decimals" })
  })
})
