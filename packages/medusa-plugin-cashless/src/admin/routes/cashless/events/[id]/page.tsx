import { Alert, Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { type ReactNode, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { FilterSelect, OffsetPagination, SearchBox } from "../../../../components/list-controls"
import { CancelTicketDrawer } from "../../../../components/tickets/cancel-ticket-drawer"
import { CheckInProgress } from "../../../../components/tickets/check-in-progress"
import { EventDrawer } from "../../../../components/tickets/event-drawer"
import { RefundTicketDrawer } from "../../../../components/tickets/refund-ticket-drawer"
import { TicketsTable } from "../../../../components/tickets/tickets-table"
import { formatDateTime } from "../../../../lib/dates"
import { useListParams } from "../../../../lib/list-params"
import { formatEventDates } from "../../../../lib/ticket-events"
import {
  TICKET_STATUS_LABEL,
  TICKET_STATUSES,
  type TicketEventView,
  type TicketStatus,
  type TicketView,
  useProductTitle,
  useStockLocation,
  useTicketEvent,
  useTickets,
} from "../../../../lib/tickets"
import { errorMessage } from "../../../../lib/wallets"

const PAGE_SIZE = 20
const FILTERS = ["status"] as const

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small">{children}</div>
  </div>
)

const Facts = ({ event }: { event: TicketEventView }) => {
  const product = useProductTitle(event.product_id)
  const location = useStockLocation(event.stock_location_id)
  const { counts } = event
  return (
    <>
      <Row label="Venue">{event.venue ?? <span className="text-ui-fg-muted">—</span>}</Row>
      <Row label="Dates">{formatEventDates(event.starts_at, event.ends_at)}</Row>
      <Row label="Capacity">{event.capacity}</Row>
      <Row label="Ticket types">
        {event.ticket_types.length ? event.ticket_types.map((t) => t.title).join(", ") : <span className="text-ui-fg-muted">None: add variants to the product</span>}
      </Row>
      <Row label="Product">
        <Link to={`/products/${event.product_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          {product.data?.product.title ?? event.product_id}
        </Link>
      </Row>
      <Row label="Stock location">{location.data?.stock_location.name ?? event.stock_location_id ?? "—"}</Row>
      <Row label="Tickets">
        <span aria-label="Ticket counts">
          {counts.issued} issued · {counts.valid} valid · {counts.checked_in} checked in · {counts.cancelled} cancelled · {counts.refunded} refunded
        </span>
      </Row>
    </>
  )
}

/** The event's tickets, searched by holder and filtered by status; the filters live in the URL. */
const TicketsSection = ({ eventId }: { eventId: string }) => {
  const { q, filters, offset, search, setSearch, go } = useListParams(FILTERS)
  const status = (TICKET_STATUSES as string[]).includes(filters.status) ? (filters.status as TicketStatus) : ""
  const { data, error, isLoading } = useTickets({ event_id: eventId, q: q || undefined, status: status || undefined, limit: PAGE_SIZE, offset })
  const [cancelling, setCancelling] = useState<TicketView | null>(null)
  const [refunding, setRefunding] = useState<TicketView | null>(null)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Tickets</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          One per place bought, issued when the order's payment is captured. Cancelling and refunding are a manager's.
        </Text>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <SearchBox label="Search tickets" placeholder="Holder name or email" value={search} onChange={setSearch} />
        <FilterSelect
          label="Status"
          allLabel="All statuses"
          value={status}
          options={TICKET_STATUSES.map((s) => ({ value: s, label: TICKET_STATUS_LABEL[s] }))}
          onChange={(v) => go({ status: v, offset: 0 })}
        />
      </div>
      {error ? (
        <div className="px-6 py-4">
          <Alert variant="error">The tickets could not be read: {errorMessage(error)}</Alert>
        </div>
      ) : isLoading ? (
        <Text size="small" className="px-6 py-4">
          Loading tickets…
        </Text>
      ) : !data?.tickets.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-8 text-center">
          {q || status ? "No ticket matches." : "No ticket sold yet."}
        </Text>
      ) : (
        <div>
          <TicketsTable tickets={data.tickets} onCancel={setCancelling} onRefund={setRefunding} />
          <OffsetPagination count={data.count} offset={data.offset ?? offset} pageSize={PAGE_SIZE} onOffset={(o) => go({ offset: o })} />
        </div>
      )}
      <CancelTicketDrawer ticket={cancelling} onClose={() => setCancelling(null)} />
      {/* Keyed by ticket: a new ticket is a new refund, with its own idempotency key. */}
      <RefundTicketDrawer key={refunding?.id ?? "none"} ticket={refunding} onClose={() => setRefunding(null)} />
    </Container>
  )
}

const EventPage = () => {
  const { id = "" } = useParams()
  const { data, error, isLoading } = useTicketEvent(id)
  const [editing, setEditing] = useState(false)

  if (error) return <Alert variant="error">The event could not be read: {errorMessage(error)}</Alert>
  if (isLoading || !data) return <Text size="small">Loading event…</Text>
  const { event } = data

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Link to="/cashless/events" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base w-fit">
              ← Events
            </Link>
            <div className="flex items-center gap-x-3">
              <Heading level="h1">{event.name}</Heading>
              {event.archived_at && (
                <Badge size="2xsmall" color="grey">
                  Archived
                </Badge>
              )}
            </div>
          </div>
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            Edit
          </Button>
        </div>
        {event.archived_at && (
          <div className="px-6 py-4">
            <Alert variant="warning">Archived on {formatDateTime(event.archived_at)}. Its tickets stay below.</Alert>
          </div>
        )}
        <div className="px-6 py-4">
          <CheckInProgress event={event} />
        </div>
        <Facts event={event} />
      </Container>
      <TicketsSection eventId={event.id} />
      {editing && <EventDrawer event={event} onClose={() => setEditing(false)} />}
    </div>
  )
}

export default EventPage
