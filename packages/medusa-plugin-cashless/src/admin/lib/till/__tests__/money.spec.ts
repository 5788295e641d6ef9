import { formatAmount, parseAmount } from "../money"

describe("till amounts", () => {
  it("formats minor units the way each language writes them", () => {
    expect(formatAmount(1250, "eur", "en")).toBe("12.50 EUR")
    expect(formatAmount(1250, "eur", "fr")).toBe("12,50 EUR")
    expect(formatAmount(-5, "eur", "fr")).toBe("-0,05 EUR")
    expect(formatAmount(500, "jpy", "en")).toBe("500 JPY")
  })

  it("reads what a cashier types, with a dot or a comma", () => {
    expect(parseAmount("12", "eur")).toBe(1200)
    expect(parseAmount(" 12,5 ", "eur")).toBe(1250)
    expect(parseAmount("0.05", "eur")).toBe(5)
    expect(parseAmount("1 000", "eur")).toBe(100000)
  })

  it("refuses what is not an amount at a till", () => {
    for (const text of ["", "abc", "-3", "1.234", "1,2,3", "1e3"]) expect(parseAmount(text, "eur")).toBeNull()
  })
})
