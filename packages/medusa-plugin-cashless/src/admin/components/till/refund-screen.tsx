import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import type { StaffRole } from "../../../types/http/staff"
import type { TillCard } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount, parseAmount } from "../../lib/till/money"
import { minorToDecimalString } from "../../../lib/money"
import { AmountField, useAmountCheck } from "./amount-field"
import { CardLookup } from "./card-lookup"
import { ChargeProgress } from "./charge-progress"
import { HolderPanel } from "./holder-panel"
import { useManagerMovement } from "./manager-movement"
import { MovementResult } from "./movement-result"
import { LiveMessage, Panel } from "./panel"

/** What may be given back in cash: the card's refundable money in this till's currency; gift credit stays. */
const refundableOf = (card: TillCard, currencyCode: string) =>
  card.balances.filter((b) => b.kind === "fiat" && b.currency_code === currencyCode).reduce((s, b) => s + b.balance, 0)

const RefundForm = ({
  card,
  currencyCode,
  error,
  onSubmit,
  onCancel,
}: {
  card: TillCard
  currencyCode: string
  error: string | null
  onSubmit: (amount: number) => void
  onCancel: () => void
}) => {
  const { t, lang } = useI18n()
  const check = useAmountCheck()
  const refundable = refundableOf(card, currencyCode)
  const [text, setText] = useState(() => (lang === "fr" ? minorToDecimalString(refundable, currencyCode).replace(".", ",") : minorToDecimalString(refundable, currencyCode)))
  const [fieldError, setFieldError] = useState<string | null>(null)
  return (
    <Panel title={t("refund_title")} onEscape={onCancel} testId="refund-form">
      <HolderPanel card={card} />
      <Text className="text-lg">{t("refund_refundable", { amount: formatAmount(refundable, currencyCode, lang) })}</Text>
      <form
        className="flex flex-col gap-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          const parsed = check(text, currencyCode)
          if ("error" in parsed) return setFieldError(parsed.error)
          if (parsed.minor > refundable) return setFieldError(t("refund_too_much"))
          setFieldError(null)
          onSubmit(parsed.minor)
        }}
      >
        <AmountField label={t("refund_amount")} value={text} onChange={setText} currencyCode={currencyCode} error={fieldError} autoFocus />
        {error && <LiveMessage tone="error">{error}</LiveMessage>}
        <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
          <Button type="button" variant="secondary" size="xlarge" onClick={onCancel}>
            {t("cancel")}
          </Button>
          <Button type="submit" size="xlarge" disabled={refundable <= 0 || parseAmount(text, currencyCode) === null}>
            {t("refund_submit")}
          </Button>
        </div>
      </form>
    </Panel>
  )
}

/** Refundable money given back in cash (manager). */
export const RefundScreen = ({ role, posId, currencyCode, onDone }: { role: StaffRole | null | undefined; posId: string; currencyCode: string; onDone: () => void }) => {
  const { t, lang } = useI18n()
  const [card, setCard] = useState<TillCard | null>(null)
  const movement = useManagerMovement(role, posId, "refunds")
  if (movement.prompt) return <>{movement.prompt}</>
  if (movement.charging) return <ChargeProgress charge={movement.charging} view={movement.view} />
  if (movement.result) {
    return (
      <MovementResult
        receipt={movement.result}
        onDone={onDone}
        onAgain={() => {
          movement.reset()
          setCard(null)
        }}
      />
    )
  }
  if (!card) return <CardLookup title={t("refund_title")} onCard={setCard} onCancel={onDone} />
  return (
    <RefundForm
      card={card}
      currencyCode={currencyCode}
      error={movement.error}
      onCancel={() => {
        movement.reset()
        setCard(null)
      }}
      onSubmit={(amount) =>
        void movement.submit(t("refund_action", { amount: formatAmount(amount, currencyCode, lang) }), { card_uid: card.uid, amount }, { total: amount, currency_code: currencyCode })
      }
    />
  )
}
