import { Button, Input, Label, Text } from "@medusajs/ui"
import { useId, useState } from "react"
import { lookupCard } from "../../lib/till/api"
import { isSuccess, messageOf } from "../../lib/till/http"
import { useI18n } from "../../lib/till/i18n-context"
import { extractQrToken } from "../../lib/till/qr-token"
import { manualUidOrNull } from "../../lib/till/reader-protocol"
import { QrCamera } from "./qr-camera"

/** The card's UID typed from the reader's display or a label, when the reader is down. */
export const ManualUid = ({ onUid }: { onUid: (uid: string) => void }) => {
  const { t } = useI18n()
  const id = useId()
  const [text, setText] = useState("")
  const [error, setError] = useState<string | null>(null)
  const submit = () => {
    const uid = manualUidOrNull(text)
    if (!uid) return setError(t("uid_invalid"))
    setError(null)
    setText("")
    onUid(uid)
  }
  return (
    <form
      className="flex flex-col gap-y-2"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Label htmlFor={id}>{t("uid_label")}</Label>
      <div className="flex gap-x-2">
        <Input id={id} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} className="h-12 font-mono text-lg" aria-invalid={!!error} />
        <Button type="submit" variant="secondary" size="large">
          {t("uid_submit")}
        </Button>
      </div>
      {error && <Text className="text-ui-fg-error" role="alert">{error}</Text>}
    </form>
  )
}

/**
 * The card's printed QR code: scanned with the camera where the browser can read barcodes,
 * or typed by a USB scanner (which types the URL and Enter). Gives the card's UID.
 */
export const QrFallback = ({ onUid }: { onUid: (uid: string) => void }) => {
  const { t } = useI18n()
  const id = useId()
  const [text, setText] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const resolve = async (scanned: string) => {
    const token = extractQrToken(scanned)
    if (!token) return setError(t("qr_invalid"))
    setBusy(true)
    const outcome = await lookupCard({ qr_token: token })
    setBusy(false)
    if (!isSuccess(outcome)) return setError(outcome.kind === "network" ? t("server_unreachable") : messageOf(outcome, t("qr_unknown")))
    setError(null)
    setText("")
    onUid(outcome.body.card.uid)
  }
  return (
    <form
      className="flex flex-col gap-y-2"
      onSubmit={(e) => {
        e.preventDefault()
        void resolve(text)
      }}
    >
      <Label htmlFor={id}>{t("qr_label")}</Label>
      <div className="flex flex-wrap gap-2">
        <Input id={id} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} className="h-12 min-w-0 flex-1 text-lg" />
        <Button type="submit" variant="secondary" size="large" isLoading={busy}>
          {t("qr_submit")}
        </Button>
        <QrCamera onText={(scanned) => void resolve(scanned)} />
      </div>
      {error && <Text className="text-ui-fg-error" role="alert">{error}</Text>}
    </form>
  )
}
