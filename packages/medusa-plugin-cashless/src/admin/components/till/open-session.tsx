import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { openSession } from "../../lib/till/api"
import { isSuccess, messageOf } from "../../lib/till/http"
import { useI18n } from "../../lib/till/i18n-context"
import { AmountField, useAmountCheck } from "./amount-field"
import { LiveMessage, Panel } from "./panel"

/** No session is open here: count the float into the drawer and open one. */
export const OpenSession = ({ posId, posName, currencyCode, onOpened }: { posId: string; posName: string; currencyCode: string; onOpened: () => void }) => {
  const { t } = useI18n()
  const check = useAmountCheck()
  const [text, setText] = useState("")
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Panel title={t("open_title", { pos: posName })} testId="open-session">
      <Text className="text-lg">{t("open_explain")}</Text>
      <form
        className="flex flex-col gap-y-4"
        onSubmit={async (e) => {
          e.preventDefault()
          const parsed = check(text, currencyCode, { allowZero: true })
          if ("error" in parsed) return setFieldError(parsed.error)
          setFieldError(null)
          setBusy(true)
          const outcome = await openSession(posId, parsed.minor)
          setBusy(false)
          // 409: someone opened it meanwhile, which is what we wanted.
          if (isSuccess(outcome) || (outcome.kind === "answer" && outcome.status === 409)) return onOpened()
          setError(outcome.kind === "network" ? t("server_unreachable") : messageOf(outcome, t("charge_refused")))
        }}
      >
        <AmountField label={t("open_float")} value={text} onChange={setText} currencyCode={currencyCode} error={fieldError} autoFocus />
        {error && <LiveMessage tone="error">{error}</LiveMessage>}
        <Button type="submit" size="xlarge" isLoading={busy}>
          {t("open_submit")}
        </Button>
      </form>
    </Panel>
  )
}
