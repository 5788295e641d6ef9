import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount, parseAmount } from "../../lib/till/money"
import { AmountField } from "./amount-field"
import { Panel } from "./panel"

/** Cash or card terminal for the whole sale: the amount to take, and for cash the change to give. */
export const TenderConfirm = ({
  kind,
  total,
  currencyCode,
  onConfirm,
  onCancel,
}: {
  kind: "cash" | "card_terminal"
  total: number
  currencyCode: string
  onConfirm: () => void
  onCancel: () => void
}) => {
  const { t, lang } = useI18n()
  const [given, setGiven] = useState("")
  const givenMinor = parseAmount(given, currencyCode)
  const change = givenMinor !== null && givenMinor >= total ? givenMinor - total : null
  return (
    <Panel title={kind === "cash" ? t("cash_title") : t("terminal_title")} onEscape={onCancel} testId="tender-confirm">
      <p className="text-center text-5xl font-bold tabular-nums">{formatAmount(total, currencyCode, lang)}</p>
      <form
        className="flex flex-col gap-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          onConfirm()
        }}
      >
        {kind === "cash" ? (
          <>
            <AmountField label={t("cash_given")} value={given} onChange={setGiven} currencyCode={currencyCode} autoFocus />
            <Text className="text-2xl font-semibold" role="status">
              {change !== null ? t("cash_change", { amount: formatAmount(change, currencyCode, lang) }) : "\u00a0"}
            </Text>
          </>
        ) : (
          <Text className="text-lg">{t("terminal_prompt")}</Text>
        )}
        <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
          <Button type="button" variant="secondary" size="xlarge" onClick={onCancel}>
            {t("cancel")}
          </Button>
          <Button type="submit" size="xlarge" data-autofocus={kind === "cash" ? undefined : ""}>
            {kind === "cash" ? t("cash_confirm") : t("terminal_confirm")}
          </Button>
        </div>
      </form>
    </Panel>
  )
}
