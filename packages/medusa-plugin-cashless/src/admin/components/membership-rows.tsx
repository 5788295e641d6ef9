import { Button, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatEnd, formatStart } from "../lib/dates"
import { customerLabel, holderLabel, type MembershipView, SOURCE_LABEL } from "../lib/memberships"
import { MembershipStateBadge } from "./membership-state-badge"

const Holder = ({ m }: { m: MembershipView }) => {
  if (m.holder) {
    const name = customerLabel(m.holder) || m.holder.id
    return (
      <div className="flex flex-col">
        <Link to={`/customers/${m.holder.id}`} className="txt-compact-small-plus hover:text-ui-fg-interactive w-fit">
          {name}
        </Link>
        {m.holder.name && m.holder.email && (
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
            {m.holder.email}
          </Text>
        )}
      </div>
    )
  }
  return m.card ? (
    <Link to={`/cashless/cards/${m.card.id}`} className="txt-compact-small hover:text-ui-fg-interactive w-fit">
      {holderLabel(m)}
    </Link>
  ) : (
    <span className="text-ui-fg-muted">{holderLabel(m)}</span>
  )
}

/** The memberships table of the Members section. */
export const MembershipRows = ({ memberships, onCancel }: { memberships: MembershipView[]; onCancel: (m: MembershipView) => void }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Holder</Table.HeaderCell>
        <Table.HeaderCell>Plan</Table.HeaderCell>
        <Table.HeaderCell>State</Table.HeaderCell>
        <Table.HeaderCell>Starts</Table.HeaderCell>
        <Table.HeaderCell>Ends</Table.HeaderCell>
        <Table.HeaderCell>Source</Table.HeaderCell>
        <Table.HeaderCell />
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {memberships.map((m) => (
        <Table.Row key={m.id} data-membership-id={m.id} className="[&_td]:py-2 [&_td]:align-top">
          <Table.Cell>
            <Holder m={m} />
          </Table.Cell>
          <Table.Cell>{m.plan_name}</Table.Cell>
          <Table.Cell>
            <div className="flex flex-col gap-y-1">
              <MembershipStateBadge state={m.state} />
              {m.cancel_reason && (
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                  {m.cancel_reason}
                </Text>
              )}
            </div>
          </Table.Cell>
          <Table.Cell className="whitespace-nowrap">{formatStart(m.starts_at)}</Table.Cell>
          <Table.Cell className="whitespace-nowrap">{m.ends_at ? formatEnd(m.ends_at) : "lifetime"}</Table.Cell>
          <Table.Cell>{SOURCE_LABEL[m.source]}</Table.Cell>
          <Table.Cell>
            {m.state !== "cancelled" && (
              <div className="flex justify-end">
                <Button size="small" variant="transparent" onClick={() => onCancel(m)}>
                  Cancel
                </Button>
              </div>
            )}
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
