import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import type { StaffRole } from "../../../types/http/staff"
import type { ClosedSession, TicketZ, TillSession } from "../../../types/http/till"
import { closeSession, ticketZPrintBlob, tillCall } from "../../lib/till/api"
import { isSuccess, messageOf } from "../../lib/till/http"
import { useI18n } from "../../lib/till/i18n-context"
import { AmountField, useAmountCheck } from "./amount-field"
import { useManagerApproval } from "./manager-prompt"
import { LiveMessage, Panel } from "./panel"

export type Closed = { session: TillSession; ticket_z: TicketZ; print_url: string | null }

/**
 * Closing (manager): the cash counted in the drawer, then the Ticket Z the server wrote. A
 * cashier's browser cannot open the printable page with its own login, so it is fetched with
 * the manager's token while the manager is there, and kept as a page in this browser.
 */
export const CloseSessionScreen = ({
  role,
  posId,
  session,
  onClosed,
  onCancel,
}: {
  role: StaffRole | null | undefined
  posId: string
  session: TillSession
  onClosed: (closed: Closed) => void
  onCancel: () => void
}) => {
  const { t, lang } = useI18n()
  const check = useAmountCheck()
  const { approve, prompt } = useManagerApproval(role)
  const [text, setText] = useState("")
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const parsed = check(text, session.currency_code, { allowZero: true })
    if ("error" in parsed) return setFieldError(parsed.error)
    setFieldError(null)
    setError(null)
    const approval = await approve(t("close_action"))
    if (!approval) return
    setBusy(true)
    let ticket: TicketZ | null = null
    const outcome = await closeSession(posId, session.id, parsed.minor, approval.token)
    if (isSuccess(outcome)) ticket = (outcome.body as { session: ClosedSession }).session.ticket_z
    else if (outcome.kind === "answer" && (outcome.body as { code?: string }).code === "session_closed") {
      // Closed by an earlier attempt whose answer was lost: its Ticket Z is the one to show.
      const again = await tillCall<{ ticket_z: TicketZ }>({
        method: "GET",
        path: `/admin/cashless/tills/${posId}/sessions/${session.id}/ticket-z`,
        token: approval.token,
      })
      if (isSuccess(again)) ticket = again.body.ticket_z
    }
    if (!ticket) {
      setBusy(false)
      return setError(outcome.kind === "network" ? t("close_no_answer") : messageOf(outcome, t("charge_refused")))
    }
    const printUrl = approval.token ? await ticketZPrintBlob(posId, session.id, lang, approval.token) : null
    setBusy(false)
    onClosed({ session, ticket_z: ticket, print_url: printUrl })
  }

  if (prompt) return <>{prompt}</>
  return (
    <Panel title={t("close_title")} onEscape={onCancel} testId="close-session">
      <Text className="text-lg">{t("close_explain")}</Text>
      <form
        className="flex flex-col gap-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <AmountField label={t("close_counted")} value={text} onChange={setText} currencyCode={session.currency_code} error={fieldError} autoFocus />
        {error && <LiveMessage tone="error">{error}</LiveMessage>}
        <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
          <Button type="button" variant="secondary" size="xlarge" onClick={onCancel}>
            {t("cancel")}
          </Button>
          <Button type="submit" size="xlarge" isLoading={busy}>
            {t("close_submit")}
          </Button>
        </div>
      </form>
    </Panel>
  )
}
