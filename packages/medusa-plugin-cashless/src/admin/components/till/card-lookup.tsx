import { useState } from "react"
import type { TillCard } from "../../../types/http/till"
import { lookupCard } from "../../lib/till/api"
import { isSuccess, messageOf } from "../../lib/till/http"
import { useI18n } from "../../lib/till/i18n-context"
import { CardWait } from "./card-wait"
import { LiveMessage } from "./panel"

/** Waits for a card and reads it (holder, balances, membership) before an action on it. */
export const CardLookup = ({
  title,
  allowQr,
  onCard,
  onCancel,
}: {
  title: string
  allowQr?: boolean
  onCard: (card: TillCard) => void
  onCancel: () => void
}) => {
  const { t } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const read = async (uid: string) => {
    if (busy) return
    setBusy(true)
    const outcome = await lookupCard({ uid })
    setBusy(false)
    if (isSuccess(outcome)) onCard(outcome.body.card)
    else setError(outcome.kind === "network" ? t("server_unreachable") : messageOf(outcome, t("card_unknown")))
  }
  return (
    <CardWait title={title} allowQr={allowQr} onCard={(uid) => void read(uid)} onCancel={onCancel}>
      {busy && (
        <p role="status" className="text-center text-lg">
          {t("card_reading")}
        </p>
      )}
      {error && <LiveMessage tone="error">{error}</LiveMessage>}
    </CardWait>
  )
}
