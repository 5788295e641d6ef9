import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Alert, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { TicketStatusBadge } from "../components/tickets/ticket-status-badge"
import { formatDateTime } from "../lib/dates"
import { holderOf, useTickets } from "../lib/tickets"
import { errorMessage } from "../lib/wallets"

// An order holds a handful of tickets; a hundred covers a group booking.
const LIMIT = 100

/**
 * The tickets an order issued, on Medusa's order page, each linked to its event. Orders without
 * tickets (most of them) show nothing; staff without a cashless role, whom the server refuses
 * (403), see nothing either rather than an error on every order.
 */
const OrderTicketsWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data, error } = useTickets({ order_id: order.id, limit: LIMIT, offset: 0 })
  const status = (error as { status?: unknown } | null)?.status
  if (error && status !== 403)
    return (
      <Container className="px-6 py-4">
        <Alert variant="error">The order's tickets could not be read: {errorMessage(error)}</Alert>
      </Container>
    )
  if (!data?.tickets.length) return null

  return (
    <Container className="divide-y p-0" role="region" aria-labelledby="cashless-order-tickets-heading">
      <div className="px-6 py-4">
        <Heading level="h2" id="cashless-order-tickets-heading">
          Tickets
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {data.count === 1 ? "1 ticket" : `${data.count} tickets`} issued for this order. Cancelling the order cancels them.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Event</Table.HeaderCell>
            <Table.HeaderCell>Type</Table.HeaderCell>
            <Table.HeaderCell>Holder</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.tickets.map((t) => (
            <Table.Row key={t.id} data-ticket-id={t.id} className="[&_td]:py-2 [&_td]:align-top">
              <Table.Cell>
                <Link to={`/cashless/events/${t.event_id}`} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                  {t.event_name}
                </Link>
              </Table.Cell>
              <Table.Cell>{t.type_title}</Table.Cell>
              <Table.Cell>{holderOf(t)}</Table.Cell>
              <Table.Cell>
                <div className="flex flex-col gap-y-1">
                  <TicketStatusBadge status={t.status} />
                  {t.checked_in_at && (
                    <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                      Checked in {formatDateTime(t.checked_in_at)}
                    </Text>
                  )}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data.count > data.tickets.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-3">
          The first {data.tickets.length} of {data.count} are shown; the event pages list them all.
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderTicketsWidget
