import { Button } from "@medusajs/ui"
import type { MovementReceipt } from "../../../types/http/till"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"
import { HolderPanel } from "./holder-panel"
import { LiveMessage, Panel } from "./panel"

/** A top-up, refund or void done: the money across the counter in big, and the card now. */
export const MovementResult = ({ receipt, onDone, onAgain }: { receipt: MovementReceipt; onDone: () => void; onAgain: () => void }) => {
  const { t, lang } = useI18n()
  const { movement } = receipt
  const amount = formatAmount(movement.amount, movement.currency_code, lang)
  const headline =
    movement.kind === "top_up"
      ? t(movement.tender === "cash" ? "top_up_done_cash" : "top_up_done_terminal", { amount })
      : movement.kind === "refund"
        ? t("refund_done", { amount })
        : movement.details?.holder
          ? t("void_done_bound")
          : t("void_done", { amount })
  return (
    <Panel title={t(`movement_title_${movement.kind}`)} onEscape={onDone} testId="movement-result">
      <LiveMessage tone="success">{headline}</LiveMessage>
      {movement.replayed && <p className="text-ui-fg-subtle">{t("movement_replayed")}</p>}
      <HolderPanel card={receipt.card} heading={t("card_now")} />
      <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
        <Button variant="secondary" size="xlarge" onClick={onDone}>
          {t("done")}
        </Button>
        <Button size="xlarge" onClick={onAgain} data-autofocus="">
          {t("next_card")}
        </Button>
      </div>
    </Panel>
  )
}
