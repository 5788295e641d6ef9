import { Alert, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { MembershipStatusBadge } from "../../../../components/membership-status"
import { BalanceList } from "../../../../components/balance-list"
import { type CardAction, CardActionDrawer } from "../../../../components/card-action-drawer"
import { CardStatusBadge } from "../../../../components/card-status-badge"
import { cardName, useCard } from "../../../../lib/cards"
import { formatDateTime } from "../../../../lib/dates"
import { errorMessage } from "../../../../lib/wallets"

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small">{children}</div>
  </div>
)

const CardPage = () => {
  const { id = "" } = useParams()
  const { data, error, isLoading } = useCard(id)
  const [action, setAction] = useState<CardAction | null>(null)

  if (error) return <Alert variant="error">The card could not be read: {errorMessage(error)}</Alert>
  if (isLoading || !data) return <Text size="small">Loading card…</Text>
  const { card, events } = data
  const usable = card.status === "new" || card.status === "active"

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading level="h1">Card {cardName(card)}</Heading>
            <CardStatusBadge status={card.status} />
          </div>
          <div className="flex flex-wrap gap-2">
            {usable && (
              <Button size="small" variant="secondary" onClick={() => setAction("block")}>
                Block
              </Button>
            )}
            {(card.status === "blocked" || card.status === "lost") && (
              <Button size="small" variant="secondary" onClick={() => setAction("unblock")}>
                Unblock
              </Button>
            )}
            {card.status !== "lost" && card.status !== "voided" && (
              <Button size="small" variant="secondary" onClick={() => setAction("lost")}>
                Declare lost
              </Button>
            )}
            {usable && !card.customer_id && (
              <Button size="small" variant="secondary" onClick={() => setAction("bind")}>
                Bind to customer
              </Button>
            )}
            {card.status !== "voided" && card.wallet_id && (
              <Button size="small" variant="secondary" onClick={() => setAction("replace")}>
                Replace
              </Button>
            )}
          </div>
        </div>
        <Row label="UID">
          <span className="font-mono">{card.uid}</span>
        </Row>
        <Row label="Printed number">{card.printed_number ?? "—"}</Row>
        <Row label="Batch">{card.batch_name ?? "Registered on first tap"}</Row>
        <Row label="Holder">
          {card.holder ? (
            <Link className="text-ui-fg-interactive" to={`/customers/${card.holder.id}`}>
              {card.holder.name ?? card.holder.email}
            </Link>
          ) : (
            "Anonymous"
          )}
        </Row>
        {card.membership && (
          <Row label="Membership">
            <MembershipStatusBadge check={card.membership} />
          </Row>
        )}
        <Row label="Balances">
          {card.wallet_id ? (
            <div className="flex flex-col gap-y-1">
              <BalanceList balances={card.balances} />
              <Link className="text-ui-fg-interactive" to={`/cashless/wallets/${card.wallet_id}`}>
                Wallet history
              </Link>
            </div>
          ) : (
            "Not used yet: its wallet is created on the first tap"
          )}
        </Row>
        <Row label="QR code address">
          <span className="font-mono break-all">{card.qr_url}</span>
        </Row>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Status log</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every change of the card: who, when and why.
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>When</Table.HeaderCell>
              <Table.HeaderCell>What</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Who</Table.HeaderCell>
              <Table.HeaderCell>Why</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {events.map((e) => (
              <Table.Row key={e.id} aria-label={`event ${e.action}`}>
                <Table.Cell className="whitespace-nowrap">{formatDateTime(e.created_at)}</Table.Cell>
                <Table.Cell>{e.action.replace(/_/g, " ")}</Table.Cell>
                <Table.Cell>
                  {e.from_status ? `${e.from_status} → ` : ""}
                  {e.to_status}
                </Table.Cell>
                <Table.Cell>{e.actor ?? "—"}</Table.Cell>
                <Table.Cell>{e.reason ?? "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <CardActionDrawer card={card} action={action} onClose={() => setAction(null)} />
    </div>
  )
}

export default CardPage
