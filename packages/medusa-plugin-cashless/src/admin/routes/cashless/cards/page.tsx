import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { BalanceList } from "../../../components/balance-list"
import { CardStatusBadge } from "../../../components/card-status-badge"
import { ImportCardsDrawer } from "../../../components/import-cards-drawer"
import { cardName, useBatches, useCards } from "../../../lib/cards"
import { errorMessage } from "../../../lib/wallets"

const PAGE_SIZE = 20
const ALL = "all"
const STATUSES = ["new", "active", "lost", "blocked", "voided"]

const CardsPage = () => {
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const status = params.get("status") ?? ""
  const batchId = params.get("batch_id") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const [search, setSearch] = useState(q)
  const [importing, setImporting] = useState(false)
  const navigate = useNavigate()
  const { data, error, isLoading } = useCards({ q: q || undefined, status: status || undefined, batch_id: batchId || undefined, limit: PAGE_SIZE, offset })
  const batches = useBatches()

  const go = (next: Record<string, string | number>) => {
    const merged = { q, status, batch_id: batchId, offset: String(offset), ...next }
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== "" && v !== "0").map(([k, v]) => [k, String(v)])), { replace: true })
  }

  useEffect(() => {
    const term = search.trim()
    if (term === q) return
    const timer = setTimeout(() => go({ q: term, offset: 0 }), 300)
    return () => clearTimeout(timer)
  }, [search])

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
          <Input
            type="search"
            size="small"
            className="w-full max-w-[320px]"
            placeholder="UID, printed number, holder name or email"
            aria-label="Search cards"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Select size="small" value={status || ALL} onValueChange={(v) => go({ status: v === ALL ? "" : v, offset: 0 })}>
            <Select.Trigger className="w-[150px]" aria-label="Status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All statuses</Select.Item>
              {STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {s}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Select size="small" value={batchId || ALL} onValueChange={(v) => go({ batch_id: v === ALL ? "" : v, offset: 0 })}>
            <Select.Trigger className="w-[220px]" aria-label="Batch">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All batches</Select.Item>
              {batches.data?.batches.map((b) => (
                <Select.Item key={b.id} value={b.id}>
                  {b.name} ({b.card_count})
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
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
            <Table.Pagination
              count={count}
              pageSize={PAGE_SIZE}
              pageIndex={Math.floor(shownOffset / PAGE_SIZE)}
              pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
              canPreviousPage={shownOffset > 0}
              canNextPage={shownOffset + PAGE_SIZE < count}
              previousPage={() => go({ offset: Math.max(0, shownOffset - PAGE_SIZE) })}
              nextPage={() => go({ offset: shownOffset + PAGE_SIZE })}
            />
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
