import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Badge, Button, Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { AdminOnlyNote } from "../../../components/points-of-sale/admin-only-note"
import { PointOfSaleDrawer } from "../../../components/points-of-sale/point-of-sale-drawer"
import { SessionState } from "../../../components/points-of-sale/session-state"
import { TenderBadges } from "../../../components/points-of-sale/tender-badges"
import { useListParams } from "../../../lib/list-params"
import { countryLabel, useActorNames, usePointOfSaleList, useSalesChannels, useStaffMe } from "../../../lib/points-of-sale"
import { errorMessage } from "../../../lib/wallets"

const FILTERS = ["show"] as const
const SHOW = { active: "In use", archived: "Archived", all: "All" } as const
type Show = keyof typeof SHOW

const PointsOfSalePage = () => {
  const { filters, go } = useListParams(FILTERS)
  // In use by default: archived points of sale sell nothing more, they are kept for their sessions.
  const show: Show = filters.show in SHOW ? (filters.show as Show) : "active"
  const { data, error, isLoading } = usePointOfSaleList()
  const channels = useSalesChannels()
  const me = useStaffMe()
  const actorName = useActorNames()
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const canEdit = me.data?.me.role === "admin"

  const channelName = (id: string) => channels.data?.sales_channels.find((c) => c.id === id)?.name ?? id
  const shown = (data?.points_of_sale ?? []).filter((p) => (show === "all" ? true : show === "archived" ? !!p.archived_at : !p.archived_at))

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading level="h1">Points of sale</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Bars, stands and gates: the products each till shows, how it is paid, and its sessions with their Ticket Z.
            </Text>
          </div>
          {canEdit && (
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create point of sale
            </Button>
          )}
        </div>
        {me.data && !canEdit && (
          <div className="px-6 py-4">
            <AdminOnlyNote me={me.data.me} />
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2 px-6 py-4">
          <Select size="small" value={show} onValueChange={(v) => go({ show: v === "active" ? "" : v })}>
            <Select.Trigger className="w-[150px]" aria-label="Show points of sale">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(SHOW) as Show[]).map((k) => (
                <Select.Item key={k} value={k}>
                  {SHOW[k]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {error ? (
          <div className="px-6 py-4">
            <Alert variant="error">The points of sale could not be read: {errorMessage(error)}</Alert>
          </div>
        ) : isLoading ? (
          <div className="px-6 py-4">
            <Text size="small">Loading points of sale…</Text>
          </div>
        ) : !shown.length ? (
          <div className="px-6 py-8">
            <Text size="small" className="text-ui-fg-subtle text-center">
              {show === "archived"
                ? "No archived point of sale."
                : data?.points_of_sale.length
                  ? "Every point of sale is archived."
                  : canEdit
                    ? "No point of sale yet: create one for each bar or gate."
                    : "No point of sale yet: a cashless admin creates them."}
            </Text>
          </div>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Sales channel</Table.HeaderCell>
                <Table.HeaderCell>Country · currency</Table.HeaderCell>
                <Table.HeaderCell>Tenders</Table.HeaderCell>
                <Table.HeaderCell>Till</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shown.map((p) => (
                <Table.Row
                  key={p.id}
                  aria-label={`point of sale ${p.name}`}
                  className="cursor-pointer [&_td]:py-2 [&_td]:align-top"
                  onClick={() => navigate(`/cashless/points-of-sale/${p.id}`)}
                >
                  <Table.Cell>
                    <div className="flex items-center gap-x-2">
                      <Link
                        to={`/cashless/points-of-sale/${p.id}`}
                        className="txt-compact-small-plus hover:text-ui-fg-interactive w-fit"
                        onClick={(e) => e.stopPropagation()}
                      >
                        {p.name}
                      </Link>
                      {p.archived_at && (
                        <Badge size="2xsmall" color="grey">
                          Archived
                        </Badge>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>{channelName(p.sales_channel_id)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {countryLabel(p.country_code)} · {p.currency_code.toUpperCase()}
                  </Table.Cell>
                  <Table.Cell>
                    <TenderBadges tenders={p.tenders} />
                  </Table.Cell>
                  <Table.Cell>
                    <SessionState session={p.open_session} actorName={actorName} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      {creating && (
        <PointOfSaleDrawer pointOfSale={null} onClose={() => setCreating(false)} onSaved={(saved) => navigate(`/cashless/points-of-sale/${saved.id}`)} />
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Points of sale",
})

export default PointsOfSalePage
