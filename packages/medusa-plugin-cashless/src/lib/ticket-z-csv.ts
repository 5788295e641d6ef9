import type { TicketZ } from "../modules/till/lib/ticket-z"
import { csvField } from "./csv"
import { minorToDecimalString } from "./money"

/**
 * The Ticket Z as one CSV table a spreadsheet or an accountant reads: section, item, count,
 * amount (decimal major units of the session's currency, as accountants expect) and VAT.
 */
export function ticketZCsv(z: TicketZ): string {
  const money = (minor: number) => minorToDecimalString(minor, z.currency_code)
  const rows: Array<Array<string | number>> = [["section", "item", "count", "amount", "vat", "currency"]]
  const add = (section: string, item: string, count: number | string, amount: number, vat?: number) =>
    rows.push([section, item, count, money(amount), vat === undefined ? "" : money(vat), z.currency_code.toUpperCase()])
  add("sales", "all", z.sales.count, z.sales.total, z.sales.tax_total)
  for (const t of z.by_tender) add("tender", t.tender, t.count, t.amount)
  for (const p of z.by_product) add("product", p.title, p.quantity, p.total)
  for (const r of z.by_vat_rate) add("vat rate", `${r.rate} %`, "", r.total, r.tax)
  for (const t of z.top_ups) add("top-up", t.tender, t.count, t.amount)
  for (const t of z.refunds) add("refund", t.tender, t.count, t.amount)
  if (z.voids.count) add("card voided", "paid out in cash", z.voids.count, z.voids.paid_out)
  for (const f of z.voids.forfeited) add("card voided", `forfeited ${f.asset_code}`, "", f.amount)
  rows.push(["cards", "used", z.cards_used, "", "", ""])
  add("cash", "opening float", "", z.cash.opening_float)
  add("cash", "expected", "", z.cash.expected)
  add("cash", "counted", "", z.cash.counted)
  add("cash", "difference", "", z.cash.difference)
  return rows.map((r) => r.map((v) => csvField(String(v))).join(",")).join("\r\n") + "\r\n"
}
