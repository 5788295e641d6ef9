import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { BalanceList } from "../../../components/balance-list"
import { CreateWalletDrawer } from "../../../components/create-wallet-drawer"
import { OffsetPagination, SearchBox } from "../../../components/list-controls"
import { VerifyResult } from "../../../components/verify-result"
import { WalletCustomer } from "../../../components/wallet-customer"
import { formatDate } from "../../../lib/dates"
import { useListParams } from "../../../lib/list-params"
import { errorMessage, useVerifyLedger, useWallets } from "../../../lib/wallets"

const PAGE_SIZE = 20

const WalletsPage = () => {
  // Search and page live in the URL, so coming back from a wallet returns to the same rows.
  const { q, offset, search, setSearch, go } = useListParams([] as const)
  const [creating, setCreating] = useState(false)
  const navigate = useNavigate()
  const { data, error, isLoading, isFetching } = useWallets({ q: q || undefined, limit: PAGE_SIZE, offset })
  const verify = useVerifyLedger()

  const count = data?.count ?? 0
  // While the next page loads the previous rows stay on screen: the pager describes those rows
  // (the offset the server answered for), not the one just asked for in the URL.
  const shownOffset = data?.offset ?? offset

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading level="h1">Wallets</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Customers' and cards' wallets with their balances. Verify ledger recomputes every balance from its postings.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <Button
              size="small"
              variant="secondary"
              isLoading={verify.isPending}
              onClick={() =>
                verify.mutate(undefined, {
                  onError: (err) => toast.error("The ledger could not be verified", { description: errorMessage(err) }),
                })
              }
            >
              Verify ledger
            </Button>
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create wallet
            </Button>
          </div>
        </div>
        {verify.data && (
          <div className="px-6 py-4">
            <VerifyResult report={verify.data} />
          </div>
        )}
        <div className="flex items-center justify-between gap-x-2 px-6 py-4">
          <SearchBox label="Search wallets" placeholder="Search by label or wallet id" value={search} onChange={setSearch} />
          {isFetching && !isLoading && (
            <Text size="small" className="text-ui-fg-muted">
              Updating…
            </Text>
          )}
        </div>
        {error ? (
          <div className="px-6 py-4">
            <Alert variant="error">The wallets could not be read: {errorMessage(error)}</Alert>
          </div>
        ) : isLoading ? (
          <div className="px-6 py-4">
            <Text size="small">Loading wallets…</Text>
          </div>
        ) : !data?.wallets.length ? (
          <div className="px-6 py-8">
            <Text size="small" className="text-ui-fg-subtle text-center">
              {q ? `No wallet matches "${q}".` : "No wallets yet."}
            </Text>
          </div>
        ) : (
          <div>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Label</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>Balances</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.wallets.map((w) => (
                  <Table.Row
                    key={w.id}
                    className="cursor-pointer [&_td]:py-2 [&_td]:align-top"
                    onClick={() => navigate(`/cashless/wallets/${w.id}`)}
                  >
                    <Table.Cell>
                      <div className="flex flex-col">
                        <Link
                          to={`/cashless/wallets/${w.id}`}
                          className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive w-fit"
                          onClick={(e) => e.stopPropagation()}
                        >
                          {w.label ?? "Unlabelled wallet"}
                        </Link>
                        <Text size="xsmall" leading="compact" className="text-ui-fg-muted font-mono">
                          {w.id}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <WalletCustomer customer={w.customer} />
                    </Table.Cell>
                    <Table.Cell>
                      <BalanceList balances={w.balances} />
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap">{formatDate(w.created_at)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <OffsetPagination count={count} offset={shownOffset} pageSize={PAGE_SIZE} onOffset={(o) => go({ offset: o })} />
          </div>
        )}
      </Container>
      <CreateWalletDrawer open={creating} onOpenChange={setCreating} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Wallets",
})

export default WalletsPage
