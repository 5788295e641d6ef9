import { Table } from "@medusajs/ui"
import { formatDateTime } from "../lib/dates"
import { formatMoney } from "../lib/money"
import type { TopUpRow } from "../lib/refunds"
import { OrderLink, PaymentId } from "./order-link"

/** The wallet's online top-up payments, newest first (the server's order): the ones a refund goes back to first. */
export const TopUpsTable = ({ topUps }: { topUps: TopUpRow[] }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Date</Table.HeaderCell>
        <Table.HeaderCell>Order</Table.HeaderCell>
        <Table.HeaderCell>Payment</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Credited</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Refunded</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Refundable online</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {topUps.map((t) => (
        <Table.Row key={t.payment_id} data-payment-id={t.payment_id}>
          <Table.Cell className="whitespace-nowrap">{formatDateTime(t.credited_at)}</Table.Cell>
          <Table.Cell>
            <OrderLink orderId={t.order_id} displayId={t.order?.display_id} />
          </Table.Cell>
          <Table.Cell>
            <PaymentId id={t.payment_id} />
          </Table.Cell>
          <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatMoney(t.credited, t.currency_code)}</Table.Cell>
          <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatMoney(t.refunded, t.currency_code)}</Table.Cell>
          <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatMoney(t.refundable, t.currency_code)}</Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
