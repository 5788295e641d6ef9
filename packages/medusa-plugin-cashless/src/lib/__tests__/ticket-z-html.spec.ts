import type { TicketZ } from "../../modules/till/lib/ticket-z"
import { ticketZHtml } from "../ticket-z-html"

const z: TicketZ = {
  session_id: "tses_1",
  point_of_sale_id: "pos_1",
  currency_code: "eur",
  opened_by: "user:1",
  opened_at: "2026-11-25T08:00:00.000Z",
  closed_by: "user:2",
  closed_at: "2026-11-25T20:00:00.000Z",
  sales: { count: 1, total: 450, tax_total: 75 },
  by_tender: [{ tender: "wallet", count: 1, amount: 450 }],
  by_product: [{ variant_id: "v1", title: `Beer <script>alert("x")</script> & co`, quantity: 1, total: 450 }],
  by_vat_rate: [{ rate: 20, base: 375, tax: 75, total: 450 }],
  top_ups: [],
  refunds: [],
  voids: { count: 0, paid_out: 0, forfeited: [] },
  cards_used: 1,
  cash: { opening_float: 5000, sales: 0, top_ups: 0, refunds: 0, voids: 0, expected: 5000, counted: 4990, difference: -10 },
}

describe("ticketZHtml", () => {
  it("escapes every value taken from the shop's data", () => {
    const html = ticketZHtml(z, `Bar "Chez <Nous>"`)
    expect(html).not.toContain("<script>alert")
    expect(html).toContain("Beer &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co")
    expect(html).toContain("<b>Bar &quot;Chez &lt;Nous&gt;&quot;</b>")
  })

  it("prints money in decimal units with the currency, and says when a section is empty", () => {
    const html = ticketZHtml(z, "Bar")
    expect(html).toContain("<td class=\"n\">4.50 EUR</td>")
    expect(html).toContain("<td>Difference</td><td class=\"n\">-0.10 EUR</td>")
    expect(html).toMatch(/<h2>Top-ups<\/h2><p class="none">None<\/p>/)
  })

  it("speaks French when asked", () => {
    const html = ticketZHtml(z, "Bar", "fr")
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain("<td>Écart</td>")
    expect(html).toContain("<td>Portefeuille carte</td>")
  })
})
