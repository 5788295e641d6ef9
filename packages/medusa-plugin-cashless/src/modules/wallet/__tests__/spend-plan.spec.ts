import { planSpend } from "../lib/spend-plan"

const asset = (code: string, priority: number) => ({
  id: `casset_${code.toLowerCase()}`,
  code,
  name: code,
  kind: (code.includes("GIFT") ? "gift" : "fiat") as "gift" | "fiat",
  currency_code: "eur",
  spend_priority: priority,
})

describe("planSpend", () => {
  const gift = asset("EUR_GIFT", 10)
  const fiat = asset("EUR", 100)

  it("takes gift credit first, then refundable money", () => {
    const { takes } = planSpend([{ asset: fiat, balance: 1000 }, { asset: gift, balance: 300 }], 500, "eur")
    expect(takes.map((t) => [t.asset.code, t.amount])).toEqual([
      ["EUR_GIFT", 300],
      ["EUR", 200],
    ])
  })

  it("does not touch an asset it does not need", () => {
    const { takes } = planSpend([{ asset: fiat, balance: 1000 }, { asset: gift, balance: 300 }], 250, "eur")
    expect(takes.map((t) => [t.asset.code, t.amount])).toEqual([["EUR_GIFT", 250]])
  })

  it("refuses with the requested, spendable and missing amounts", () => {
    expect(() => planSpend([{ asset: fiat, balance: 120 }, { asset: gift, balance: 200 }], 500, "eur")).toThrow(
      "Insufficient balance: 5.00 EUR requested, 3.20 EUR spendable, 1.80 EUR missing."
    )
  })
})
