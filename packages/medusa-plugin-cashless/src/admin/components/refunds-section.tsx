import { Alert, Container, Heading, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import type { RefundView } from "../lib/refunds"
import { errorMessage } from "../lib/wallets"
import { RefundsTable } from "./refunds-table"

type Props = {
  query: UseQueryResult<{ refunds: RefundView[] }>
  displayIdOf: (orderId: string) => number | undefined
}

/** "Refunds": every refund request of this wallet, by staff or by its holder, with where the money went. */
export const RefundsSection = ({ query, displayIdOf }: Props) => {
  const refunds = query.data?.refunds ?? []
  return (
    <Container className="divide-y p-0" role="region" aria-labelledby="cashless-refunds-heading">
      <div className="px-6 py-4">
        <Heading level="h2" id="cashless-refunds-heading">
          Refunds
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Refundable money sent back to the payments it came from. What a provider refused stays in the wallet.
        </Text>
      </div>
      {query.error ? (
        <div className="px-6 py-4">
          <Alert variant="error">The refunds could not be read: {errorMessage(query.error)}</Alert>
        </div>
      ) : query.isLoading ? (
        <div className="px-6 py-4">
          <Text size="small">Loading refunds…</Text>
        </div>
      ) : refunds.length === 0 ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle text-center">
            Nothing has been refunded from this wallet yet.
          </Text>
        </div>
      ) : (
        <RefundsTable refunds={refunds} displayIdOf={displayIdOf} />
      )}
    </Container>
  )
}
