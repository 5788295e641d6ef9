import { Button, Table, Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/dates"
import { type TicketView, useOrderNumbers } from "../../lib/tickets"
import { OrderLink } from "../order-link"
import { TicketStatusBadge } from "./ticket-status-badge"

const Muted = ({ children }: { children: string }) => (
  <Text as="span" size="small" className="text-ui-fg-muted">
    {children}
  </Text>
)

/** When, by whom and where a ticket was let in; why it was cancelled; when it was refunded. */
const Outcome = ({ t }: { t: TicketView }) => {
  if (t.checked_in_at)
    return (
      <div className="flex flex-col">
        <Text size="small" leading="compact">
          {formatDateTime(t.checked_in_at)}
        </Text>
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
          {[t.checked_in_by?.name && `by ${t.checked_in_by.name}`, t.checked_in_where?.name && `at ${t.checked_in_where.name}`]
            .filter(Boolean)
            .join(" ")}
        </Text>
        {t.status !== "checked_in" && <Status t={t} />}
      </div>
    )
  return t.status === "valid" ? <Muted>Not yet</Muted> : <Status t={t} />
}

const Status = ({ t }: { t: TicketView }) => (
  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
    {t.status === "cancelled"
      ? `Cancelled ${formatDateTime(t.cancelled_at)}${t.cancel_reason ? `: ${t.cancel_reason}` : ""}`
      : t.status === "refunded"
        ? `Refunded ${formatDateTime(t.refunded_at)}`
        : ""}
  </Text>
)

/** An event's tickets, one row each, with the manager's actions. */
export const TicketsTable = ({
  tickets,
  onCancel,
  onRefund,
}: {
  tickets: TicketView[]
  onCancel: (t: TicketView) => void
  onRefund: (t: TicketView) => void
}) => {
  const numbers = useOrderNumbers(tickets.map((t) => t.order_id))
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Holder</Table.HeaderCell>
          <Table.HeaderCell>Type</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Checked in</Table.HeaderCell>
          <Table.HeaderCell>Order</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {tickets.map((t) => (
          <Table.Row key={t.id} data-ticket-id={t.id} aria-label={`ticket ${t.holder_name || t.holder_email || t.id}`} className="[&_td]:py-2 [&_td]:align-top">
            <Table.Cell>
              <div className="flex flex-col">
                <Text size="small" weight="plus" leading="compact">
                  {t.holder_name || t.holder_email || "No name"}
                </Text>
                {t.holder_name && t.holder_email && (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                    {t.holder_email}
                  </Text>
                )}
              </div>
            </Table.Cell>
            <Table.Cell>{t.type_title}</Table.Cell>
            <Table.Cell>
              <TicketStatusBadge status={t.status} />
            </Table.Cell>
            <Table.Cell>
              <Outcome t={t} />
            </Table.Cell>
            <Table.Cell>
              <OrderLink orderId={t.order_id} displayId={numbers.data?.[t.order_id]} />
            </Table.Cell>
            <Table.Cell>
              <div className="flex justify-end gap-x-2">
                {/* The server cancels and refunds only a ticket still in use: a cancelled one is not refunded. */}
                {(t.status === "valid" || t.status === "checked_in") && (
                  <>
                    <Button size="small" variant="transparent" onClick={() => onCancel(t)}>
                      Cancel
                    </Button>
                    <Button size="small" variant="transparent" onClick={() => onRefund(t)}>
                      Refund
                    </Button>
                  </>
                )}
              </div>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
