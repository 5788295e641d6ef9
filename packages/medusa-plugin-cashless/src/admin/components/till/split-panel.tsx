import { Button, Text } from "@medusajs/ui"
import type { TenderKind, WalletShortBody } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"
import { LiveMessage, Panel } from "./panel"

/**
 * The card cannot pay it all: it pays what it holds, and the rest is taken another way. Every
 * choice completes the same sale (same idempotency key), so nothing is charged twice.
 */
export const SplitPanel = ({
  short,
  tenders,
  error,
  onRest,
  onSecondCard,
  onCancel,
}: {
  short: WalletShortBody
  tenders: TenderKind[]
  error?: string | null
  onRest: (kind: "cash" | "card_terminal") => void
  onSecondCard: () => void
  onCancel: () => void
}) => {
  const { t, lang } = useI18n()
  const money = (minor: number) => formatAmount(minor, short.currency_code, lang)
  return (
    <Panel title={t("split_title")} onEscape={onCancel} testId="split">
      <dl className="grid grid-cols-[1fr_auto] gap-y-2 text-xl">
        <dt>{t("total")}</dt>
        <dd className="text-right font-semibold tabular-nums">{money(short.total)}</dd>
        <dt>{t("split_card_pays", { card: short.card })}</dt>
        <dd className="text-right font-semibold tabular-nums">{money(short.balance)}</dd>
        <dt className="font-bold">{t("split_rest")}</dt>
        <dd className="text-right text-3xl font-bold tabular-nums" data-testid="split-rest">
          {money(short.short_by)}
        </dd>
      </dl>
      <Text className="text-ui-fg-subtle">{t("split_how")}</Text>
      {error && <LiveMessage tone="error">{error}</LiveMessage>}
      <div className="grid gap-3 sm:grid-cols-3 [&>*]:w-full">
        {tenders.includes("cash") && (
          <Button size="xlarge" className="h-20 text-lg" onClick={() => onRest("cash")} data-autofocus="">
            {t("split_cash", { amount: money(short.short_by) })}
          </Button>
        )}
        {tenders.includes("card_terminal") && (
          <Button size="xlarge" variant="secondary" className="h-20 text-lg" onClick={() => onRest("card_terminal")}>
            {t("split_terminal", { amount: money(short.short_by) })}
          </Button>
        )}
        {tenders.includes("wallet") && (
          <Button size="xlarge" variant="secondary" className="h-20 text-lg" onClick={onSecondCard}>
            {t("split_second_card")}
          </Button>
        )}
      </div>
      <Button variant="secondary" size="large" onClick={onCancel}>
        {t("split_cancel")}
      </Button>
    </Panel>
  )
}
