import { Button } from "@medusajs/ui"
import { useCallback, useEffect, useRef, useState } from "react"
import type { MovementReceipt, TenderKind, TillCard } from "../../../types/http/till"
import { newIdempotencyKey } from "../../lib/idempotency"
import { messageOf } from "../../lib/till/http"
import { useI18n } from "../../lib/till/i18n-context"
import type { PendingCharge } from "../../lib/till/pending-charges"
import { browserChargeStore, useChargeRunner } from "../../lib/till/use-charge"
import { AmountField, useAmountCheck } from "./amount-field"
import { CardLookup } from "./card-lookup"
import { ChargeProgress } from "./charge-progress"
import { HolderPanel } from "./holder-panel"
import { MovementResult } from "./movement-result"
import { LiveMessage, Panel } from "./panel"

const TopUpForm = ({
  card,
  currencyCode,
  tenders,
  error,
  onSubmit,
  onCancel,
}: {
  card: TillCard
  currencyCode: string
  tenders: Array<"cash" | "card_terminal">
  error: string | null
  onSubmit: (amount: number, tender: "cash" | "card_terminal") => void
  onCancel: () => void
}) => {
  const { t } = useI18n()
  const check = useAmountCheck()
  const [text, setText] = useState("")
  const [fieldError, setFieldError] = useState<string | null>(null)
  const submit = (tender: "cash" | "card_terminal") => {
    const parsed = check(text, currencyCode)
    if ("error" in parsed) return setFieldError(parsed.error)
    setFieldError(null)
    onSubmit(parsed.minor, tender)
  }
  return (
    <Panel title={t("top_up_title")} onEscape={onCancel} testId="top-up-form">
      <HolderPanel card={card} />
      <form
        className="flex flex-col gap-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          submit(tenders[0])
        }}
      >
        <AmountField label={t("top_up_amount")} value={text} onChange={setText} currencyCode={currencyCode} error={fieldError} autoFocus />
        {error && <LiveMessage tone="error">{error}</LiveMessage>}
        <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
          {tenders.map((tender, i) => (
            <Button key={tender} type={i === 0 ? "submit" : "button"} size="xlarge" variant={i === 0 ? "primary" : "secondary"} onClick={i === 0 ? undefined : () => submit(tender)}>
              {t(tender === "cash" ? "top_up_cash" : "top_up_terminal")}
            </Button>
          ))}
        </div>
        <Button type="button" variant="secondary" size="large" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </form>
    </Panel>
  )
}

/** Money put on a card at the counter, in cash or on the card terminal; QR codes may do it. */
export const TopUpScreen = ({ posId, currencyCode, tenders, onDone }: { posId: string; currencyCode: string; tenders: TenderKind[]; onDone: () => void }) => {
  const { t } = useI18n()
  const { view, run } = useChargeRunner()
  const [charging, setCharging] = useState<PendingCharge | null>(null)
  const [result, setResult] = useState<MovementReceipt | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [card, setCard] = useState<TillCard | null>(null)
  const taken = tenders.filter((k): k is "cash" | "card_terminal" => k === "cash" || k === "card_terminal")

  const send = useCallback(
    async (charge: PendingCharge) => {
      setCharging(charge)
      const answer = await run<MovementReceipt>(charge)
      if (answer.decision === "cancelled" || answer.decision === "logged_out") return
      setCharging(null)
      if (answer.decision === "done") setResult(answer.outcome.body as MovementReceipt)
      else setError(messageOf(answer.outcome, t("charge_refused")))
    },
    [run, t]
  )

  // Once per screen: a language switch re-creates the callbacks, and must not start a second sender.
  const resumed = useRef(false)
  useEffect(() => {
    if (resumed.current) return
    resumed.current = true
    const left = browserChargeStore()
      .forPointOfSale(posId)
      .find((c) => c.kind === "top_up")
    if (left) void send(left)
  }, [posId, send])

  if (charging) return <ChargeProgress charge={charging} view={view} />
  if (result) {
    return (
      <MovementResult
        receipt={result}
        onDone={onDone}
        onAgain={() => {
          setResult(null)
          setCard(null)
        }}
      />
    )
  }
  if (!taken.length) {
    return (
      <Panel title={t("top_up_title")} onEscape={onDone}>
        <LiveMessage tone="error">{t("top_up_no_tender")}</LiveMessage>
      </Panel>
    )
  }
  if (!card) return <CardLookup title={t("top_up_title")} allowQr onCard={setCard} onCancel={onDone} />
  return (
    <TopUpForm
      card={card}
      currencyCode={currencyCode}
      tenders={taken}
      error={error}
      onCancel={() => {
        setError(null)
        setCard(null)
      }}
      onSubmit={(amount, tender) => {
        setError(null)
        const key = newIdempotencyKey()
        void send({
          key,
          pos_id: posId,
          kind: "top_up",
          path: `/admin/cashless/tills/${posId}/top-ups`,
          body: { idempotency_key: key, card_uid: card.uid, amount, tender },
          display: { total: amount, currency_code: currencyCode },
          created_at: new Date().toISOString(),
          attempts: 0,
        })
      }}
    />
  )
}
