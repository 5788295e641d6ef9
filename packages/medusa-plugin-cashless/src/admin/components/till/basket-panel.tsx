import { Button, Heading, Text } from "@medusajs/ui"
import type { TenderKind } from "../../../types/http/till"
import { basketTotal, type BasketAction, type BasketItem } from "../../lib/till/basket"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"

/** The basket: lines with − / +, the total in big, and how it is paid. */
export const BasketPanel = ({
  items,
  dispatch,
  currencyCode,
  tenders,
  onPay,
}: {
  items: BasketItem[]
  dispatch: (action: BasketAction) => void
  currencyCode: string
  tenders: TenderKind[]
  onPay: (kind: TenderKind) => void
}) => {
  const { t, lang } = useI18n()
  const money = (minor: number) => formatAmount(minor, currencyCode, lang)
  const empty = items.length === 0
  return (
    <section aria-labelledby="till-basket-heading" className="bg-ui-bg-base flex w-full flex-col gap-y-3 rounded-xl border p-4 lg:w-[26rem]">
      <Heading level="h2" id="till-basket-heading" className="text-xl">
        {t("basket")}
      </Heading>
      {empty ? (
        <Text className="text-ui-fg-subtle py-6 text-center text-lg">{t("basket_empty")}</Text>
      ) : (
        <ul className="flex max-h-[45vh] flex-col divide-y overflow-y-auto" aria-label={t("basket_lines")}>
          {items.map((item) => (
            <li key={item.variant_id} className="flex items-center gap-x-2 py-2" data-testid="basket-line">
              <span className="flex-1 text-base font-medium">{item.title}</span>
              <Button
                variant="secondary"
                size="large"
                className="h-11 w-11"
                aria-label={t("basket_less", { item: item.title })}
                onClick={() => dispatch({ type: "decrement", variant_id: item.variant_id })}
              >
                −
              </Button>
              <span className="w-8 text-center text-lg font-semibold tabular-nums">
                <span className="sr-only">{t("basket_quantity", { n: item.quantity })}</span>
                <span aria-hidden>{item.quantity}</span>
              </span>
              <Button
                variant="secondary"
                size="large"
                className="h-11 w-11"
                aria-label={t("basket_more", { item: item.title })}
                onClick={() => dispatch({ type: "increment", variant_id: item.variant_id })}
              >
                +
              </Button>
              <span className="w-24 whitespace-nowrap text-right text-base font-semibold tabular-nums">{money(item.unit_price * item.quantity)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-baseline justify-between border-t pt-3">
        <span className="text-xl font-semibold">{t("total")}</span>
        <span className="text-4xl font-bold tabular-nums" data-testid="basket-total">
          {money(basketTotal(items))}
        </span>
      </div>
      <div className="flex flex-col gap-2">
        {tenders.includes("wallet") && (
          <Button size="xlarge" className="h-16 w-full text-xl" disabled={empty} onClick={() => onPay("wallet")}>
            {t("pay_card")}
          </Button>
        )}
        <div className="grid grid-cols-2 gap-2">
          {tenders.includes("cash") && (
            <Button size="xlarge" variant="secondary" className="h-14 w-full" disabled={empty} onClick={() => onPay("cash")}>
              {t("pay_cash")}
            </Button>
          )}
          {tenders.includes("card_terminal") && (
            <Button size="xlarge" variant="secondary" className="h-14 w-full" disabled={empty} onClick={() => onPay("card_terminal")}>
              {t("pay_terminal")}
            </Button>
          )}
        </div>
        <Button variant="transparent" size="large" className="w-full" disabled={empty} onClick={() => dispatch({ type: "clear" })}>
          {t("basket_clear")}
        </Button>
      </div>
    </section>
  )
}
