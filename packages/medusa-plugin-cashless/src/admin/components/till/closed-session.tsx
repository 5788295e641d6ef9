import { Button } from "@medusajs/ui"
import { ticketZPrintPath } from "../../lib/till/api"
import { useI18n } from "../../lib/till/i18n-context"
import { formatAmount } from "../../lib/till/money"
import type { Closed } from "./close-session-screen"
import { LiveMessage, Panel } from "./panel"
import { TicketZView } from "./ticket-z-view"

/** The session closed: its Ticket Z, printable, before the next session opens. */
export const ClosedSession = ({ closed, onNext }: { closed: Closed; onNext: () => void }) => {
  const { t, lang } = useI18n()
  const z = closed.ticket_z
  const printHref = closed.print_url ?? ticketZPrintPath(z.point_of_sale_id, z.session_id, lang)
  return (
    <Panel title={t("z_title")} wide testId="closed-session">
      <LiveMessage tone={z.cash.difference === 0 ? "success" : "info"}>
        {z.cash.difference === 0
          ? t("z_cash_right")
          : t(z.cash.difference > 0 ? "z_cash_over" : "z_cash_short", { amount: formatAmount(Math.abs(z.cash.difference), z.currency_code, lang) })}
      </LiveMessage>
      <TicketZView z={z} />
      <div className="grid grid-cols-2 gap-3 [&>*]:w-full">
        <Button asChild variant="secondary" size="xlarge">
          <a href={printHref} target="_blank" rel="noreferrer">
            {t("z_print")}
          </a>
        </Button>
        <Button size="xlarge" onClick={onNext} data-autofocus="">
          {t("z_next")}
        </Button>
      </div>
    </Panel>
  )
}
