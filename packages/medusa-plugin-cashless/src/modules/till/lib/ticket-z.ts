/** The figures of a closed till session, all in minor units of `currency_code`. */
export type TicketZ = {
  session_id: string
  point_of_sale_id: string
  currency_code: string
  opened_by: string
  opened_at: string
  closed_by: string
  closed_at: string
  sales: { count: number; total: number; tax_total: number }
  by_tender: Array<{ tender: string; count: number; amount: number }>
  by_product: Array<{ variant_id: string; title: string; quantity: number; total: number }>
  by_vat_rate: Array<{ rate: number; base: number; tax: number; total: number }>
  top_ups: Array<{ tender: string; count: number; amount: number }>
  refunds: Array<{ tender: string; count: number; amount: number }>
  /** Cards handed back: their refundable money paid out in cash, their other credit forfeited. */
  voids: { count: number; paid_out: number; forfeited: Array<{ asset_code: string; amount: number }> }
  cards_used: number
  cash: { opening_float: number; sales: number; top_ups: number; refunds: number; voids: number; expected: number; counted: number; difference: number }
}

type Line = { variant_id: string; title: string; quantity: number; total: number; tax_rate: number; tax_amount: number }
type Tender = { kind: string; amount: number; card_id?: string }
export type ZSale = { status: string; total: number; tax_total: number; lines: Line[]; tenders: Tender[]; card_id: string | null }
export type ZMovement = {
  kind: "top_up" | "refund" | "void"
  tender: string
  amount: number
  card_id: string
  details?: { forfeited?: Array<{ asset_code: string; amount: number }> } | null
}
export type ZSession = { id: string; point_of_sale_id: string; currency_code: string; opened_by: string; opened_at: string | Date; opening_float: number }

function tally<K extends string>(into: Map<string, { count: number; amount: number }>, key: K, amount: number) {
  const row = into.get(key) ?? { count: 0, amount: 0 }
  row.count += 1
  row.amount += amount
  into.set(key, row)
}

/**
 * The Ticket Z: what the session sold (by tender, product and VAT rate), the money put on and
 * taken off cards across the counter (voided cards apart), the cards used, and the cash the drawer should hold
 * against what was counted. Voided sales are left out.
 */
export function ticketZ(
  session: ZSession,
  sales: ZSale[],
  movements: ZMovement[],
  close: { counted_cash: number; closed_by: string; closed_at: Date }
): TicketZ {
  const kept = sales.filter((s) => s.status === "completed")
  const byTender = new Map<string, { count: number; amount: number }>()
  const byProduct = new Map<string, { variant_id: string; title: string; quantity: number; total: number }>()
  const byRate = new Map<number, { rate: number; base: number; tax: number; total: number }>()
  const cards = new Set<string>()
  for (const sale of kept) {
    for (const t of sale.tenders) {
      tally(byTender, t.kind, Number(t.amount))
      if (t.card_id) cards.add(t.card_id)
    }
    if (sale.card_id) cards.add(sale.card_id)
    for (const l of sale.lines) {
      const p = byProduct.get(l.variant_id) ?? { variant_id: l.variant_id, title: l.title, quantity: 0, total: 0 }
      p.quantity += Number(l.quantity)
      p.total += Number(l.total)
      byProduct.set(l.variant_id, p)
      const r = byRate.get(Number(l.tax_rate)) ?? { rate: Number(l.tax_rate), base: 0, tax: 0, total: 0 }
      r.tax += Number(l.tax_amount)
      r.total += Number(l.total)
      r.base = r.total - r.tax
      byRate.set(r.rate, r)
    }
  }
  const topUps = new Map<string, { count: number; amount: number }>()
  const refunds = new Map<string, { count: number; amount: number }>()
  const voids = { count: 0, paid_out: 0, forfeited: new Map<string, number>() }
  for (const m of movements) {
    cards.add(m.card_id)
    if (m.kind === "void") {
      voids.count += 1
      voids.paid_out += Number(m.amount)
      for (const f of m.details?.forfeited ?? []) voids.forfeited.set(f.asset_code, (voids.forfeited.get(f.asset_code) ?? 0) + Number(f.amount))
      continue
    }
    tally(m.kind === "top_up" ? topUps : refunds, m.tender, Number(m.amount))
  }
  const list = (m: Map<string, { count: number; amount: number }>) =>
    [...m.entries()].map(([tender, v]) => ({ tender, ...v })).sort((a, b) => a.tender.localeCompare(b.tender))
  const cashIn = byTender.get("cash")?.amount ?? 0
  const cashTopUps = topUps.get("cash")?.amount ?? 0
  const cashRefunds = refunds.get("cash")?.amount ?? 0
  const expected = Number(session.opening_float) + cashIn + cashTopUps - cashRefunds - voids.paid_out
  return {
    session_id: session.id,
    point_of_sale_id: session.point_of_sale_id,
    currency_code: session.currency_code,
    opened_by: session.opened_by,
    opened_at: new Date(session.opened_at).toISOString(),
    closed_by: close.closed_by,
    closed_at: close.closed_at.toISOString(),
    sales: {
      count: kept.length,
      total: kept.reduce((s, x) => s + Number(x.total), 0),
      tax_total: kept.reduce((s, x) => s + Number(x.tax_total), 0),
    },
    by_tender: list(byTender),
    by_product: [...byProduct.values()].sort((a, b) => b.total - a.total || a.title.localeCompare(b.title)),
    by_vat_rate: [...byRate.values()].sort((a, b) => a.rate - b.rate),
    top_ups: list(topUps),
    refunds: list(refunds),
    voids: {
      count: voids.count,
      paid_out: voids.paid_out,
      forfeited: [...voids.forfeited.entries()].map(([asset_code, amount]) => ({ asset_code, amount })).sort((a, b) => a.asset_code.localeCompare(b.asset_code)),
    },
    cards_used: cards.size,
    cash: {
      opening_float: Number(session.opening_float),
      sales: cashIn,
      top_ups: cashTopUps,
      refunds: cashRefunds,
      voids: voids.paid_out,
      expected,
      counted: close.counted_cash,
      difference: close.counted_cash - expected,
    },
  }
}

/**
 * A Ticket Z as stored at its close. Those written before cards could be voided at the till have
 * no `voids`: they had none, and readers (the printable page, the till screen) expect the field.
 */
export function storedTicketZ(report: TicketZ | null): TicketZ | null {
  if (!report) return null
  return {
    ...report,
    voids: report.voids ?? { count: 0, paid_out: 0, forfeited: [] },
    cash: { ...report.cash, voids: report.cash?.voids ?? 0 },
  }
}
