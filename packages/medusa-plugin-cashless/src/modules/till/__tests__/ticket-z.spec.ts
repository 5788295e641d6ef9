import { storedTicketZ, ticketZ, type TicketZ, type ZSale } from "../lib/ticket-z"

const session = { id: "tses_1", point_of_sale_id: "pos_1", currency_code: "eur", opened_by: "user:1", opened_at: "2026-11-25T08:00:00.000Z", opening_float: 5000 }
const beer = (qty: number, unit = 400) => ({ variant_id: "v_beer", title: "Beer", quantity: qty, total: unit * qty, tax_rate: 20, tax_amount: Math.round((unit * qty * 20) / 120) })
const juice = { variant_id: "v_juice", title: "Juice", quantity: 1, total: 300, tax_rate: 5.5, tax_amount: 16 }
const sale = (lines: ZSale["lines"], tenders: ZSale["tenders"], card: string | null = null, status = "completed"): ZSale => ({
  status,
  lines,
  tenders,
  card_id: card,
  total: lines.reduce((s, l) => s + l.total, 0),
  tax_total: lines.reduce((s, l) => s + l.tax_amount, 0),
})

describe("ticketZ", () => {
  const sales = [
    sale([beer(2)], [{ kind: "wallet", amount: 800, card_id: "c1" }], "c1"),
    sale([beer(1), juice], [{ kind: "wallet", amount: 500, card_id: "c2" }, { kind: "cash", amount: 200 }], "c2"),
    sale([juice], [{ kind: "cash", amount: 300 }]),
    sale([beer(5)], [{ kind: "cash", amount: 2000 }], null, "voided"),
  ]
  const z = ticketZ(
    session,
    sales,
    [
      { kind: "top_up", tender: "cash", amount: 2000, card_id: "c3" },
      { kind: "top_up", tender: "card_terminal", amount: 1000, card_id: "c1" },
      { kind: "refund", tender: "cash", amount: 700, card_id: "c4" },
      { kind: "void", tender: "cash", amount: 300, card_id: "c5", details: { forfeited: [{ asset_code: "gift_eur", amount: 250 }] } },
      { kind: "void", tender: "cash", amount: 0, card_id: "c6", details: { forfeited: [{ asset_code: "gift_eur", amount: 100 }] } },
    ],
    { counted_cash: 6450, closed_by: "user:2", closed_at: new Date("2026-11-25T20:00:00.000Z") }
  )

  it("totals the completed sales by tender, product and VAT rate, leaving voided ones out", () => {
    expect(z.sales).toEqual({ count: 3, total: 1800, tax_total: 133 + 67 + 16 + 16 })
    expect(z.by_tender).toEqual([
      { tender: "cash", count: 2, amount: 500 },
      { tender: "wallet", count: 2, amount: 1300 },
    ])
    expect(z.by_product).toEqual([
      { variant_id: "v_beer", title: "Beer", quantity: 3, total: 1200 },
      { variant_id: "v_juice", title: "Juice", quantity: 2, total: 600 },
    ])
    expect(z.by_vat_rate).toEqual([
      { rate: 5.5, base: 568, tax: 32, total: 600 },
      { rate: 20, base: 1000, tax: 200, total: 1200 },
    ])
    // Every tender of every kept sale adds up to the sales total; every VAT line to the VAT total.
    expect(z.by_tender.reduce((s, t) => s + t.amount, 0)).toBe(z.sales.total)
    expect(z.by_vat_rate.reduce((s, r) => s + r.tax, 0)).toBe(z.sales.tax_total)
  })

  it("counts top-ups and refunds across the counter and the cards used", () => {
    expect(z.top_ups).toEqual([
      { tender: "card_terminal", count: 1, amount: 1000 },
      { tender: "cash", count: 1, amount: 2000 },
    ])
    expect(z.refunds).toEqual([{ tender: "cash", count: 1, amount: 700 }])
    expect(z.cards_used).toBe(6)
  })

  it("counts voided cards apart: the cash paid out and the credit forfeited", () => {
    expect(z.voids).toEqual({ count: 2, paid_out: 300, forfeited: [{ asset_code: "gift_eur", amount: 350 }] })
  })

  it("expects the float plus cash in less cash out, against what was counted", () => {
    expect(z.cash).toEqual({ opening_float: 5000, sales: 500, top_ups: 2000, refunds: 700, voids: 300, expected: 6500, counted: 6450, difference: -50 })
  })

  it("reads a Ticket Z stored before voids existed as one with none", () => {
    const { voids: _voids, ...old } = z
    const stored = { ...old, cash: { ...z.cash, voids: undefined } } as unknown as TicketZ
    expect(storedTicketZ(stored)).toMatchObject({ voids: { count: 0, paid_out: 0, forfeited: [] }, cash: { voids: 0, expected: z.cash.expected } })
    expect(storedTicketZ(z)).toEqual(z)
    expect(storedTicketZ(null)).toBeNull()
  })
})
