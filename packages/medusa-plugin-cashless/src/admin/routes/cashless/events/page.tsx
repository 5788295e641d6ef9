import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Badge, Button, Container, Heading, Label, Switch, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { EventDrawer } from "../../../components/tickets/event-drawer"
import { useListParams } from "../../../lib/list-params"
import { formatEventDates } from "../../../lib/ticket-events"
import { useTicketEvents } from "../../../lib/tickets"
import { errorMessage } from "../../../lib/wallets"

const FILTERS = ["archived"] as const

const EventsPage = () => {
  // Whether archived events show lives in the URL, so that Back from an event returns to the same list.
  const { filters, go } = useListParams(FILTERS)
  const showArchived = filters.archived === "true"
  const { data, error, isLoading } = useTicketEvents(showArchived)
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const events = data?.events ?? []

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading level="h1">Events</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Concerts, festival days, dinners: tickets sold in the shop, one per place, checked at the door.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
            Create event
          </Button>
        </div>
        <div className="flex items-center gap-x-2 px-6 py-4">
          <Switch id="events-archived" checked={showArchived} onCheckedChange={(on) => go({ archived: on ? "true" : "" })} />
          <Label htmlFor="events-archived" size="small">
            Show archived events
          </Label>
        </div>
        {error ? (
          <div className="px-6 py-4">
            <Alert variant="error">The events could not be read: {errorMessage(error)}</Alert>
          </div>
        ) : isLoading ? (
          <Text size="small" className="px-6 py-4">
            Loading events…
          </Text>
        ) : !events.length ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-8 text-center">
            {showArchived ? "No event yet." : "No current event: create one, or show the archived ones."}
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Event</Table.HeaderCell>
                <Table.HeaderCell>Dates</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Capacity</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Issued</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Checked in</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Cancelled</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Refunded</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {events.map((e) => (
                <Table.Row
                  key={e.id}
                  aria-label={`event ${e.name}`}
                  className="cursor-pointer [&_td]:py-2 [&_td]:align-top"
                  onClick={() => navigate(`/cashless/events/${e.id}`)}
                >
                  <Table.Cell>
                    <div className="flex flex-col">
                      <div className="flex items-center gap-x-2">
                        <Link
                          to={`/cashless/events/${e.id}`}
                          className="txt-compact-small-plus hover:text-ui-fg-interactive w-fit"
                          onClick={(ev) => ev.stopPropagation()}
                        >
                          {e.name}
                        </Link>
                        {e.archived_at && (
                          <Badge size="2xsmall" color="grey">
                            Archived
                          </Badge>
                        )}
                      </div>
                      {e.venue && (
                        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                          {e.venue}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>{formatEventDates(e.starts_at, e.ends_at)}</Table.Cell>
                  <Table.Cell className="text-right">{e.capacity}</Table.Cell>
                  <Table.Cell className="text-right">{e.counts.issued}</Table.Cell>
                  <Table.Cell className="text-right">{e.counts.checked_in}</Table.Cell>
                  <Table.Cell className="text-right">{e.counts.cancelled}</Table.Cell>
                  <Table.Cell className="text-right">{e.counts.refunded}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      {creating && <EventDrawer event={null} onClose={() => setCreating(false)} onSaved={(saved) => navigate(`/cashless/events/${saved.id}`)} />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Events",
})

export default EventsPage
