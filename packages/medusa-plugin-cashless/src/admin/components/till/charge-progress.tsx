import { Text } from "@medusajs/ui"
import type { PendingCharge } from "../../lib/till/pending-charges"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"
import type { ChargeView } from "../../lib/till/use-charge"
import { LiveMessage, Panel } from "./panel"

/** A charge on its way: the amount, and when the server does not answer, that it is being retried safely. */
export const ChargeProgress = ({ charge, view }: { charge: PendingCharge; view: ChargeView | null }) => {
  const { t, lang } = useI18n()
  return (
    <Panel title={t(`sending_title_${charge.kind}`)} testId="charge-progress">
      {charge.kind !== "void" && (
        <p className="text-center text-5xl font-bold tabular-nums">{formatAmount(charge.display.total, charge.display.currency_code, lang)}</p>
      )}
      {charge.display.lines && (
        <ul className="text-ui-fg-subtle text-center text-lg">
          {charge.display.lines.map((l, i) => (
            <li key={i}>
              {l.quantity} × {l.title}
            </li>
          ))}
        </ul>
      )}
      {view?.phase === "retrying" ? (
        <LiveMessage tone="error">
          {(view.reason === "unreachable" ? t("retrying_unreachable") : t("retrying_server_error")) + " " + t("retrying_attempt", { n: view.attempts })}
        </LiveMessage>
      ) : view?.phase === "logged_out" ? (
        <LiveMessage tone="error">{t("charge_logged_out")}</LiveMessage>
      ) : (
        <Text className="text-center text-xl" role="status">
          {t("charging")}
        </Text>
      )}
      <Text className="text-ui-fg-subtle text-center">{t("charge_kept")}</Text>
    </Panel>
  )
}
