import { Heading } from "@medusajs/ui"
import type { TicketZ } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"

const Row = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <div className="flex justify-between gap-x-4 py-1">
    <dt>{label}</dt>
    <dd className="font-semibold tabular-nums" data-testid={testId}>
      {value}
    </dd>
  </div>
)

/** The Ticket Z on screen, as the server wrote it at the close: nothing is recomputed here. */
export const TicketZView = ({ z }: { z: TicketZ }) => {
  const { t, lang } = useI18n()
  const money = (minor: number) => formatAmount(minor, z.currency_code, lang)
  const tender = (kind: string) => (kind === "wallet" || kind === "cash" || kind === "card_terminal" ? t(`tender_${kind}`) : kind)
  const section = (title: string, rows: Array<{ label: string; value: string; testId?: string }>, testId: string) =>
    rows.length > 0 && (
      <section aria-label={title} data-testid={testId} className="flex flex-col">
        <Heading level="h3" className="border-b pb-1 text-lg">
          {title}
        </Heading>
        <dl className="text-base">
          {rows.map((r) => (
            <Row key={r.label} {...r} />
          ))}
        </dl>
      </section>
    )
  return (
    <div className="grid gap-6 md:grid-cols-2" data-testid="ticket-z">
      {section(
        t("z_sales"),
        [
          { label: t("z_sales_count"), value: String(z.sales.count), testId: "z-sales-count" },
          { label: t("z_sales_total"), value: money(z.sales.total), testId: "z-sales-total" },
          { label: t("z_sales_vat"), value: money(z.sales.tax_total), testId: "z-sales-vat" },
        ],
        "z-sales"
      )}
      {section(
        t("z_by_tender"),
        z.by_tender.map((r) => ({ label: `${tender(r.tender)} (${r.count})`, value: money(r.amount), testId: `z-tender-${r.tender}` })),
        "z-by-tender"
      )}
      {section(
        t("z_by_product"),
        z.by_product.map((r) => ({ label: `${r.quantity} × ${r.title}`, value: money(r.total), testId: `z-product-${r.variant_id}` })),
        "z-by-product"
      )}
      {section(
        t("z_by_vat"),
        z.by_vat_rate.map((r) => ({ label: t("z_vat_line", { rate: r.rate, base: money(r.base), tax: money(r.tax) }), value: money(r.total), testId: `z-vat-${r.rate}` })),
        "z-by-vat"
      )}
      {section(
        t("z_across_counter"),
        [
          ...z.top_ups.map((r) => ({ label: t("z_top_ups", { tender: tender(r.tender), count: r.count }), value: money(r.amount), testId: `z-top-up-${r.tender}` })),
          ...z.refunds.map((r) => ({ label: t("z_refunds", { tender: tender(r.tender), count: r.count }), value: money(-r.amount), testId: `z-refund-${r.tender}` })),
          ...(z.voids.count ? [{ label: t("z_voids", { count: z.voids.count }), value: money(-z.voids.paid_out), testId: "z-voids" }] : []),
          { label: t("z_cards_used"), value: String(z.cards_used), testId: "z-cards-used" },
        ],
        "z-counter"
      )}
      {section(
        t("z_cash"),
        [
          { label: t("z_cash_float"), value: money(z.cash.opening_float), testId: "z-cash-float" },
          { label: t("z_cash_sales"), value: money(z.cash.sales), testId: "z-cash-sales" },
          { label: t("z_cash_top_ups"), value: money(z.cash.top_ups), testId: "z-cash-top-ups" },
          { label: t("z_cash_refunds"), value: money(-z.cash.refunds), testId: "z-cash-refunds" },
          { label: t("z_cash_voids"), value: money(-z.cash.voids), testId: "z-cash-voids" },
          { label: t("z_cash_expected"), value: money(z.cash.expected), testId: "z-cash-expected" },
          { label: t("z_cash_counted"), value: money(z.cash.counted), testId: "z-cash-counted" },
          { label: t("z_cash_difference"), value: money(z.cash.difference), testId: "z-cash-difference" },
        ],
        "z-cash"
      )}
    </div>
  )
}
