import type { TicketZ } from "../modules/till/lib/ticket-z"
import { minorToDecimalString } from "./money"

export type TicketZLang = "en" | "fr"

const WORDS = {
  en: {
    title: "Ticket Z",
    pointOfSale: "Point of sale",
    session: "Session",
    opened: "Opened",
    closed: "Closed",
    by: "by",
    sales: "Sales",
    count: "Count",
    total: "Total",
    vat: "VAT",
    byTender: "By tender",
    byProduct: "By product",
    byRate: "By VAT rate",
    rate: "Rate",
    base: "Base",
    topUps: "Top-ups",
    refunds: "Cash refunds",
    voids: "Cards voided",
    paidOut: "Paid out in cash",
    forfeited: "Forfeited",
    cardsUsed: "Cards used",
    cash: "Cash drawer",
    float: "Opening float",
    cashSales: "Cash sales",
    cashTopUps: "Cash top-ups",
    cashRefunds: "Cash refunds",
    cashVoids: "Paid out for voided cards",
    expected: "Expected",
    counted: "Counted",
    difference: "Difference",
    none: "None",
    print: "Print",
    tenders: { wallet: "Card wallet", cash: "Cash", card_terminal: "Card terminal" } as Record<string, string>,
  },
  fr: {
    title: "Ticket Z",
    pointOfSale: "Point de vente",
    session: "Session",
    opened: "Ouverte",
    closed: "Clôturée",
    by: "par",
    sales: "Ventes",
    count: "Nombre",
    total: "Total",
    vat: "TVA",
    byTender: "Par moyen de paiement",
    byProduct: "Par produit",
    byRate: "Par taux de TVA",
    rate: "Taux",
    base: "HT",
    topUps: "Recharges",
    refunds: "Remboursements en espèces",
    voids: "Cartes rendues",
    paidOut: "Rendu en espèces",
    forfeited: "Perdu",
    cardsUsed: "Cartes utilisées",
    cash: "Caisse",
    float: "Fond de caisse",
    cashSales: "Ventes en espèces",
    cashTopUps: "Recharges en espèces",
    cashRefunds: "Remboursements en espèces",
    cashVoids: "Rendu pour cartes rendues",
    expected: "Attendu",
    counted: "Compté",
    difference: "Écart",
    none: "Aucun",
    print: "Imprimer",
    tenders: { wallet: "Portefeuille carte", cash: "Espèces", card_terminal: "Terminal CB" } as Record<string, string>,
  },
} as const

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/**
 * The Ticket Z as a page to print on a receipt printer (80 mm) or A4: self-contained, no script
 * but the print button, every value escaped. Money in decimal units of the session's currency.
 */
export function ticketZHtml(z: TicketZ, pointOfSaleName: string, lang: TicketZLang = "en"): string {
  const w = WORDS[lang]
  const cur = z.currency_code.toUpperCase()
  const money = (minor: number) => `${minorToDecimalString(minor, z.currency_code)} ${cur}`
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { dateStyle: "short", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC"
  const row = (cells: Array<string | number>, head = false) =>
    `<tr>${cells.map((c, i) => (head ? `<th${i ? ' class="n"' : ""}>${escape(String(c))}</th>` : `<td${i ? ' class="n"' : ""}>${escape(String(c))}</td>`)).join("")}</tr>`
  const table = (title: string, head: string[], rows: Array<Array<string | number>>) =>
    `<h2>${escape(title)}</h2>` +
    (rows.length ? `<table>${row(head, true)}${rows.map((r) => row(r)).join("")}</table>` : `<p class="none">${escape(w.none)}</p>`)
  const tender = (t: string) => w.tenders[t] ?? t
  const body = [
    `<h1>${escape(w.title)}</h1>`,
    `<p>${escape(w.pointOfSale)}: <b>${escape(pointOfSaleName)}</b><br>${escape(w.session)}: ${escape(z.session_id)}<br>` +
      `${escape(w.opened)}: ${escape(when(z.opened_at))} ${escape(w.by)} ${escape(z.opened_by)}<br>` +
      `${escape(w.closed)}: ${escape(when(z.closed_at))} ${escape(w.by)} ${escape(z.closed_by)}</p>`,
    table(w.sales, [w.count, w.total, w.vat], [[z.sales.count, money(z.sales.total), money(z.sales.tax_total)]]),
    table(w.byTender, ["", w.count, w.total], z.by_tender.map((t) => [tender(t.tender), t.count, money(t.amount)])),
    table(w.byProduct, ["", w.count, w.total], z.by_product.map((p) => [p.title, p.quantity, money(p.total)])),
    table(w.byRate, [w.rate, w.base, w.vat, w.total], z.by_vat_rate.map((r) => [`${r.rate} %`, money(r.base), money(r.tax), money(r.total)])),
    table(w.topUps, ["", w.count, w.total], z.top_ups.map((t) => [tender(t.tender), t.count, money(t.amount)])),
    table(w.refunds, ["", w.count, w.total], z.refunds.map((t) => [tender(t.tender), t.count, money(t.amount)])),
    table(
      w.voids,
      ["", w.count, w.total],
      z.voids.count
        ? [[w.paidOut, z.voids.count, money(z.voids.paid_out)], ...z.voids.forfeited.map((f) => [`${w.forfeited} ${f.asset_code}`, "", money(f.amount)])]
        : []
    ),
    `<p>${escape(w.cardsUsed)}: <b>${z.cards_used}</b></p>`,
    table(w.cash, ["", w.total], [
      [w.float, money(z.cash.opening_float)],
      [w.cashSales, money(z.cash.sales)],
      [w.cashTopUps, money(z.cash.top_ups)],
      [`− ${w.cashRefunds}`, money(z.cash.refunds)],
      [`− ${w.cashVoids}`, money(z.cash.voids)],
      [w.expected, money(z.cash.expected)],
      [w.counted, money(z.cash.counted)],
      [w.difference, money(z.cash.difference)],
    ]),
  ].join("\n")
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${w.title} — ${pointOfSaleName}`)}</title>
<style>
body { font: 14px/1.35 system-ui, sans-serif; color: #000; background: #fff; max-width: 72mm; margin: 1em auto; }
h1 { font-size: 1.4em; margin: 0 0 .4em; } h2 { font-size: 1em; margin: 1em 0 .2em; border-bottom: 1px solid #000; }
table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 1px 0; } .n { text-align: right; }
.none { color: #444; margin: 0; } button { font-size: 1em; padding: .4em 1em; margin-top: 1em; }
@media print { button { display: none; } body { margin: 0; } }
</style></head><body>
${body}
<button type="button" onclick="window.print()">${escape(w.print)}</button>
</body></html>
`
}
