import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { BalanceList } from "../../../components/balance-list"
import { CardStatusBadge } from "../../../components/card-status-badge"
import { ImportCardsDrawer } from "../../../components/import-cards-drawer"
import { FilterSelect, OffsetPagination, SearchBox } from "../../../components/list-controls"
import { cardName, useBatches, useCards } from "../../../lib/cards"
import { useListParams } from "../../../lib/list-params"
import { errorMessage } from "../../../lib/wallets"

const PAGE_SIZE = 20
const FILTERS = ["status", "batch_id"] as const
const STATUSES = ["new", "active", "lost", "blocked", "voided"]

const CardsPage = () => {
  const { q, filters, offset, search, setSearch, go } = useListParams(FILTERS)
  const { status, batch_id: batchId } = filters
  const [importing, setImporting] = useState(false)
  const navigate = useNavigate()
  const { data, error, isLoading } = useCards({ q: q || undefined, status: status || undefined, batch_id: batchId || undefined, limit: PAGE_SIZE, offset })
  const batches = useBatches()

  const count = data?.count ?? 0
  const shownOffset = data?.offset ?? offset
  const batch = batches.data?.batches.find((b) => b.id === batchId)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading level="h1">Cards</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              NFC cards: registered by batch, anonymous until bound to a customer. Lost and blocked cards are refused at every till.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            {batch && (
              <Button size="small" variant="secondary" asChild>
                <a href={`/admin/cashless/card-batches/${batch.id}/export`} download>
                  Export {batch.name}
                </a>
              </Button>
            )}
            <Button size="small" variant="secondary" onClick={() => setImporting(true)}>
              Import cards
            </Button>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 px-6 py-4">
          <SearchBox
            label="Search cards"
            placeholder="UID, printed number, holder name or email"
            value={search}
            onChange={setSearch}
          />
          <FilterSelect
            label="Status"
            allLabel="All statuses"
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: s }))}
            onChange={(v) => go({ status: v, offset: 0 })}
          />
          <FilterSelect
            label="Batch"
            allLabel="All batches"
            value={batchId}
            options={(batches.data?.batches ?? []).map((b) => ({ value: b.id, label: `${b.name} (${b.card_count})` }))}
            onChange={(v) => go({ batch_id: v, offset: 0 })}
            width="w-[220px]"
          />
        </div>
        {error ? (
          <div className="px-6 py-4">
            <Alert variant="error">The cards could not be read: {errorMessage(error)}</Alert>
          </div>
        ) : isLoading ? (
          <div className="px-6 py-4">
            <Text size="small">Loading cards…</Text>
          </div>
        ) : !data?.cards.length ? (
          <div className="px-6 py-8">
            <Text size="small" className="text-ui-fg-subtle text-center">
              {q || status || batchId ? "No card matches." : "No cards yet: import a printed batch."}
            </Text>
          </div>
        ) : (
          <div>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Card</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Holder</Table.HeaderCell>
                  <Table.HeaderCell>Balances</Table.HeaderCell>
                  <Table.HeaderCell>Batch</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.cards.map((c) => (
                  <Table.Row key={c.id} className="cursor-pointer [&_td]:py-2 [&_td]:align-top" onClick={() => navigate(`/cashless/cards/${c.id}`)}>
                    <Table.Cell>
                      <div className="flex flex-col">
                        <Link to={`/cashless/cards/${c.id}`} className="txt-compact-small-plus hover:text-ui-fg-interactive w-fit" onClick={(e) => e.stopPropagation()}>
                          {cardName(c)}
                        </Link>
                        <Text size="xsmall" leading="compact" className="text-ui-fg-muted font-mono">
                          {c.uid}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <CardStatusBadge status={c.status} />
                    </Table.Cell>
                    <Table.Cell>{c.holder ? c.holder.name ?? c.holder.email : <span className="text-ui-fg-muted">Anonymous</span>}</Table.Cell>
                    <Table.Cell>{c.wallet_id ? <BalanceList balances={c.balances} /> : <span className="text-ui-fg-muted">Not used yet</span>}</Table.Cell>
                    <Table.Cell>{c.batch_name ?? "—"}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <OffsetPagination count={count} offset={shownOffset} pageSize={PAGE_SIZE} onOffset={(o) => go({ offset: o })} />
          </div>
        )}
      </Container>
      <ImportCardsDrawer open={importing} onOpenChange={setImporting} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Cards",
})

export default CardsPage
