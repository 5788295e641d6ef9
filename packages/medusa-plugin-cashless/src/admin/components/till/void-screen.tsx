import { Button, Label, Text, Textarea } from "@medusajs/ui"
import { useId, useState } from "react"
import type { StaffRole } from "../../../types/http/staff"
import type { TillCard } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { CardLookup } from "./card-lookup"
import { ChargeProgress } from "./charge-progress"
import { HolderPanel } from "./holder-panel"
import { useManagerMovement } from "./manager-movement"
import { MovementResult } from "./movement-result"
import { LiveMessage, Panel } from "./panel"

/** A card handed back (manager): its refundable money paid out in cash, the card blank again for the next person. */
export const VoidScreen = ({ role, posId, currencyCode, onDone }: { role: StaffRole | null | undefined; posId: string; currencyCode: string; onDone: () => void }) => {
  const { t } = useI18n()
  const reasonId = useId()
  const [card, setCard] = useState<TillCard | null>(null)
  const [reason, setReason] = useState("")
  const movement = useManagerMovement(role, posId, "voids")
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
          setReason("")
        }}
      />
    )
  }
  if (!card) return <CardLookup title={t("void_title")} onCard={setCard} onCancel={onDone} />
  return (
    <Panel title={t("void_title")} onEscape={() => setCard(null)} testId="void-form">
      <HolderPanel card={card} />
      <Text className="text-lg">{card.holder ? t("void_explain_bound") : t("void_explain")}</Text>
      <form
        className="flex flex-col gap-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          void movement.submit(t("void_action"), { card_uid: card.uid, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { total: 0, currency_code: currencyCode })
        }}
      >
        <div className="flex flex-col gap-y-2">
          <Label htmlFor={reasonId}>{t("void_reason")}</Label>
          <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </div>
        {movement.error && <LiveMessage tone="error">{movement.error}</LiveMessage>}
        <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
          <Button type="button" variant="secondary" size="xlarge" onClick={() => setCard(null)}>
            {t("cancel")}
          </Button>
          <Button type="submit" size="xlarge" variant="danger">
            {t("void_submit")}
          </Button>
        </div>
      </form>
    </Panel>
  )
}
