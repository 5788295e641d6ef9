import { parseOrderPaymentRef, orderPaymentRef } from "../ledger-refs"
import { planRefund, type RefundSource } from "../refund-plan"

const source = (payment_id: string, credited_at: string, refundable: number): RefundSource => ({
  payment_id,
  order_id: `order_${payment_id}`,
  credited_at,
  refundable,
})

describe("planRefund", () => {
  const older = source("pay_a", "2026-11-01T10:00:00.000Z", 2000)
  const newer = source("pay_b", "2026-11-20T10:00:00.000Z", 1500)

  it("takes the newest payment first", () => {
    expect(planRefund([older, newer], 1000)).toEqual({ parts: [{ payment_id: "pay_b", order_id: "order_pay_b", amount: 1000 }], short: 0 })
  })

  it("spans payments when the newest is not enough", () => {
    expect(planRefund([older, newer], 2500)).toEqual({
      parts: [
        { payment_id: "pay_b", order_id: "order_pay_b", amount: 1500 },
        { payment_id: "pay_a", order_id: "order_pay_a", amount: 1000 },
      ],
      short: 0,
    })
  })

  it("says how much no payment can take", () => {
    const { parts, short } = planRefund([older, newer], 4000)
    expect(parts.map((p) => p.amount)).toEqual([1500, 2000])
    expect(short).toBe(500)
  })

  it("skips payments with nothing left and orders equal times by payment id", () => {
    const a = source("pay_1", "2026-11-20T10:00:00.000Z", 300)
    const b = source("pay_2", "2026-11-20T10:00:00.000Z", 300)
    const spent = source("pay_3", "2026-11-25T10:00:00.000Z", 0)
    expect(planRefund([a, spent, b], 400).parts).toEqual([
      { payment_id: "pay_2", order_id: "order_pay_2", amount: 300 },
      { payment_id: "pay_1", order_id: "order_pay_1", amount: 100 },
    ])
  })

  it("refuses an amount that is not a positive whole number of cents", () => {
    expect(() => planRefund([older], 0)).toThrow(RangeError)
    expect(() => planRefund([older], 12.5)).toThrow(RangeError)
  })
})

describe("order and payment references", () => {
  it("reads back what it writes, with or without a suffix", () => {
    expect(parseOrderPaymentRef(orderPaymentRef("order_1", "pay_2"))).toEqual({ order_id: "order_1", payment_id: "pay_2" })
    expect(parseOrderPaymentRef(orderPaymentRef("order_1", "pay_2", "refund:cref_3"))).toEqual({ order_id: "order_1", payment_id: "pay_2" })
  })

  it("ignores references it did not write", () => {
    expect(parseOrderPaymentRef("cart:cart_1")).toBeNull()
    expect(parseOrderPaymentRef("festival cash 2026")).toBeNull()
    expect(parseOrderPaymentRef(null)).toBeNull()
  })
})
