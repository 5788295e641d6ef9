import { Alert, Container, Heading, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import type { TopUpRow } from "../lib/refunds"
import { errorMessage } from "../lib/wallets"
import { TopUpsTable } from "./top-ups-table"

/** "Online top-ups": what was paid into this wallet through the shop's checkout, and what of it can still go back. */
export const TopUpsSection = ({ query }: { query: UseQueryResult<{ top_ups: TopUpRow[] }> }) => {
  const topUps = query.data?.top_ups ?? []
  return (
    <Container className="divide-y p-0" role="region" aria-labelledby="cashless-top-ups-heading">
      <div className="px-6 py-4">
        <Heading level="h2" id="cashless-top-ups-heading">
          Online top-ups
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Payments through the shop that credited this wallet, newest first. A refund goes back to them in this order.
        </Text>
      </div>
      {query.error ? (
        <div className="px-6 py-4">
          <Alert variant="error">The top-ups could not be read: {errorMessage(query.error)}</Alert>
        </div>
      ) : query.isLoading ? (
        <div className="px-6 py-4">
          <Text size="small">Loading top-ups…</Text>
        </div>
      ) : topUps.length === 0 ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle text-center">
            This wallet was never topped up online: its money can only be refunded in cash at a till.
          </Text>
        </div>
      ) : (
        <TopUpsTable topUps={topUps} />
      )}
    </Container>
  )
}
