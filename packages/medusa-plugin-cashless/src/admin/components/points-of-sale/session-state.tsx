import { StatusBadge, Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/dates"
import { formatMoney } from "../../lib/money"
import type { TillSession } from "../../lib/points-of-sale"

/** Whether the till is open: since when, by whom, with which float; or closed. */
export const SessionState = ({ session, actorName }: { session: TillSession | null; actorName: (actor: string) => string }) =>
  session ? (
    <div className="flex flex-col gap-y-0.5">
      <StatusBadge color="green" className="w-fit">
        Open
      </StatusBadge>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        Since {formatDateTime(session.opened_at)} by {actorName(session.opened_by)}
      </Text>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        Float {formatMoney(session.opening_float, session.currency_code)}
      </Text>
    </div>
  ) : (
    <StatusBadge color="grey" className="w-fit">
      Closed
    </StatusBadge>
  )
