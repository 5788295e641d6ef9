import { Alert, StatusBadge, Table, Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/dates"
import { useListParams } from "../../lib/list-params"
import { formatMoney } from "../../lib/money"
import { ticketZUrl, useActorNames, useTillSessions } from "../../lib/points-of-sale"
import { errorMessage } from "../../lib/wallets"
import { OffsetPagination } from "../list-controls"
import { CashDifference } from "./cash-difference"

const PAGE_SIZE = 20
const NO_FILTERS = [] as const

/** A till's sessions, newest first: float, expected and counted cash, and each closed one's Ticket Z. */
export const SessionsTable = ({ posId }: { posId: string }) => {
  const { offset, go } = useListParams(NO_FILTERS)
  const { data, error, isLoading } = useTillSessions(posId, { limit: PAGE_SIZE, offset })
  const actorName = useActorNames()

  // A cashier is refused by the server: its message says who may read the sessions.
  if (error) {
    return (
      <div className="px-6 py-4">
        <Alert variant="error">{errorMessage(error)}</Alert>
      </div>
    )
  }
  if (isLoading || !data) {
    return (
      <Text size="small" className="px-6 py-4">
        Loading sessions…
      </Text>
    )
  }
  if (!data.sessions.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-8 text-center">
        No session yet: the till opens one with its cash float.
      </Text>
    )
  }
  return (
    <div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Opened</Table.HeaderCell>
            <Table.HeaderCell>Closed</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Float</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Expected cash</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Counted cash</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Difference</Table.HeaderCell>
            <Table.HeaderCell>Ticket Z</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.sessions.map((s) => (
            <Table.Row key={s.id} data-session-id={s.id} className="[&_td]:py-2 [&_td]:align-top">
              <Table.Cell>
                <div className="flex flex-col">
                  <Text size="small" leading="compact" className="whitespace-nowrap">
                    {formatDateTime(s.opened_at)}
                  </Text>
                  <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                    by {actorName(s.opened_by)}
                  </Text>
                </div>
              </Table.Cell>
              <Table.Cell>
                {s.status === "open" ? (
                  <StatusBadge color="green">Open</StatusBadge>
                ) : (
                  <div className="flex flex-col">
                    <Text size="small" leading="compact" className="whitespace-nowrap">
                      {formatDateTime(s.closed_at)}
                    </Text>
                    <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                      by {actorName(s.closed_by)}
                    </Text>
                  </div>
                )}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatMoney(s.opening_float, s.currency_code)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{s.expected_cash === null ? "—" : formatMoney(s.expected_cash, s.currency_code)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{s.counted_cash === null ? "—" : formatMoney(s.counted_cash, s.currency_code)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                <CashDifference difference={s.difference} currencyCode={s.currency_code} />
              </Table.Cell>
              <Table.Cell>
                {s.status === "closed" ? (
                  <div className="flex gap-x-3 whitespace-nowrap">
                    <a
                      className="txt-compact-small text-ui-fg-interactive hover:underline"
                      href={ticketZUrl(posId, s.id, "html")}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={`Ticket Z of the session closed ${formatDateTime(s.closed_at)}, to print (opens in a new tab)`}
                    >
                      Print
                    </a>
                    <a
                      className="txt-compact-small text-ui-fg-interactive hover:underline"
                      href={ticketZUrl(posId, s.id, "csv")}
                      download
                      aria-label={`Ticket Z of the session closed ${formatDateTime(s.closed_at)}, as CSV`}
                    >
                      CSV
                    </a>
                  </div>
                ) : (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    Written at the close
                  </Text>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <OffsetPagination count={data.count} offset={data.offset} pageSize={PAGE_SIZE} onOffset={(o) => go({ offset: o })} />
    </div>
  )
}
