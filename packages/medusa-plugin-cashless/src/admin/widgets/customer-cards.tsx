import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Alert, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CardStatusBadge } from "../components/card-status-badge"
import { cardName, useCustomerCards } from "../lib/cards"
import { formatDate } from "../lib/dates"
import { errorMessage } from "../lib/wallets"

/** The customer's cards on the customer page: current, lost and replaced. */
const CustomerCardsWidget = ({ data: customer }: DetailWidgetProps<{ id: string }>) => {
  const { data, error, isLoading } = useCustomerCards(customer.id)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Cashless cards</Heading>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <Alert variant="error">The cards could not be read: {errorMessage(error)}</Alert>
        </div>
      ) : isLoading ? (
        <Text size="small" className="px-6 py-4">
          Loading cards…
        </Text>
      ) : !data?.cards.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No card bound to this customer. A card is bound from its page (Cashless › Cards) or claimed by the customer.
        </Text>
      ) : (
        <Table>
          <Table.Body>
            {data.cards.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive" to={`/cashless/cards/${c.id}`}>
                    {cardName(c)}
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  <CardStatusBadge status={c.status} />
                </Table.Cell>
                <Table.Cell>Bound {formatDate(c.bound_at)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerCardsWidget
