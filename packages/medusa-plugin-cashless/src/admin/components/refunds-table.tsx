import { Table, Text } from "@medusajs/ui"
import { formatDateTime } from "../lib/dates"
import { formatMoney } from "../lib/money"
import type { RefundView } from "../lib/refunds"
import { RefundParts } from "./refund-parts"
import { RefundStatusBadge } from "./refund-status-badge"

type Props = { refunds: RefundView[]; displayIdOf: (orderId: string) => number | undefined }

/** The wallet's refund requests, newest first: asked, sent back, by whom, and through which payments. */
export const RefundsTable = ({ refunds, displayIdOf }: Props) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Date</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Refunded</Table.HeaderCell>
        <Table.HeaderCell>Status</Table.HeaderCell>
        <Table.HeaderCell>By / reason</Table.HeaderCell>
        <Table.HeaderCell>Sent back to</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {refunds.map((r) => (
        <Table.Row key={r.id} data-refund-id={r.id} className="align-top">
          <Table.Cell className="whitespace-nowrap">{formatDateTime(r.created_at)}</Table.Cell>
          <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatMoney(r.amount, r.currency_code)}</Table.Cell>
          <Table.Cell className="whitespace-nowrap text-right tabular-nums">
            {formatMoney(r.refunded_amount, r.currency_code)}
          </Table.Cell>
          <Table.Cell>
            <RefundStatusBadge status={r.status} />
          </Table.Cell>
          <Table.Cell className="max-w-[260px]">
            <div className="flex flex-col py-2">
              <Text size="small" leading="compact" className="truncate" title={r.reason ?? undefined}>
                {r.reason ?? "—"}
              </Text>
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate font-mono" title={r.actor ?? undefined}>
                {r.actor ?? "unknown"}
              </Text>
              {r.error && (
                <Text size="xsmall" leading="compact" className="text-ui-fg-error">
                  {r.error}
                </Text>
              )}
            </div>
          </Table.Cell>
          <Table.Cell>
            <RefundParts refund={r} displayIdOf={displayIdOf} />
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
