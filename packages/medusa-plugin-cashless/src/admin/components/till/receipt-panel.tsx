import { Button, Text } from "@medusajs/ui"
import type { SaleReceipt } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"
import { HolderPanel } from "./holder-panel"
import { Panel } from "./panel"

/** The sale done: what was sold at which price (a member price beside the regular one struck through), how it was paid, the card now. */
export const ReceiptPanel = ({ receipt, onNext }: { receipt: SaleReceipt; onNext: () => void }) => {
  const { t, lang } = useI18n()
  const { sale } = receipt
  const money = (minor: number) => formatAmount(minor, sale.currency_code, lang)
  return (
    <Panel title={t("receipt_title")} onEscape={onNext} wide testId="receipt">
      <div className="grid gap-6 md:grid-cols-2">
        <div className="flex flex-col gap-y-3">
          <table className="w-full text-lg" aria-label={t("receipt_lines")}>
            <thead className="sr-only">
              <tr>
                <th>{t("line_item")}</th>
                <th>{t("line_unit_price")}</th>
                <th>{t("line_total")}</th>
              </tr>
            </thead>
            <tbody>
              {sale.lines.map((line) => (
                <tr key={line.variant_id} className="border-b align-top" data-testid="receipt-line">
                  <td className="py-2">
                    {line.quantity} × {line.title}
                  </td>
                  <td className="whitespace-nowrap py-2 pl-2 text-right tabular-nums">
                    {line.regular_price !== null && line.regular_price !== line.unit_price && (
                      <>
                        <span className="sr-only">{t("regular_price", { price: money(line.regular_price) })}, {t("member_price")}: </span>
                        <s aria-hidden className="text-ui-fg-subtle mr-2" data-testid="regular-price">
                          {money(line.regular_price)}
                        </s>
                      </>
                    )}
                    {money(line.unit_price)}
                  </td>
                  <td className="whitespace-nowrap py-2 pl-3 text-right font-semibold tabular-nums">{money(line.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex items-baseline justify-between text-2xl font-bold">
            <span>{t("total")}</span>
            <span className="tabular-nums" data-testid="receipt-total">
              {money(sale.total)}
            </span>
          </div>
          <Text className="text-ui-fg-subtle">{t("vat_included", { amount: money(sale.tax_total) })}</Text>
          <ul className="flex flex-col gap-y-1 text-lg" aria-label={t("tenders")}>
            {sale.tenders.map((tender, i) => (
              <li key={i} className="flex justify-between" data-testid="receipt-tender">
                <span>
                  {t(`tender_${tender.kind}`)}
                  {tender.card_name ? ` · ${tender.card_name}` : ""}
                </span>
                <span className="whitespace-nowrap tabular-nums">{money(tender.amount)}</span>
              </li>
            ))}
          </ul>
          {sale.replayed && <Text className="text-ui-fg-subtle">{t("receipt_replayed")}</Text>}
        </div>
        <div className="flex flex-col gap-y-3">
          {receipt.card ? <HolderPanel card={receipt.card} heading={t("card_after_sale")} /> : <Text className="text-lg">{t("receipt_no_card")}</Text>}
          {receipt.other_cards.map((card) => (
            <HolderPanel key={card.id} card={card} heading={t("second_card")} />
          ))}
        </div>
      </div>
      <Button size="xlarge" className="w-full" onClick={onNext} data-autofocus="">
        {t("new_sale")}
      </Button>
    </Panel>
  )
}
