import { Text } from "@medusajs/ui"
import { formatMoney } from "../lib/money"
import type { RefundView } from "../lib/refunds"
import { OrderLink, PaymentId } from "./order-link"
import { RefundPartStatusBadge } from "./refund-status-badge"

type Props = {
  refund: RefundView
  /** The order numbers the top-ups table knows; a part names only the order's id. */
  displayIdOf: (orderId: string) => number | undefined
}

/** Where a refund went: one line per payment it was sent back to, with what the provider said. */
export const RefundParts = ({ refund, displayIdOf }: Props) =>
  refund.parts.length === 0 ? (
    <Text size="small" className="text-ui-fg-muted">
      —
    </Text>
  ) : (
    <ul className="flex flex-col gap-y-1 py-2" aria-label="Refund parts">
      {refund.parts.map((part) => (
        <li key={part.id} className="flex flex-col" data-part-payment-id={part.payment_id}>
          <div className="flex flex-wrap items-center gap-x-2">
            <Text as="span" size="small" leading="compact" className="whitespace-nowrap tabular-nums">
              {formatMoney(part.amount, refund.currency_code)} →
            </Text>
            <OrderLink orderId={part.order_id} displayId={part.order_id ? displayIdOf(part.order_id) : undefined} />
            <PaymentId id={part.payment_id} />
            <RefundPartStatusBadge status={part.status} />
          </div>
          {part.error && (
            <Text size="xsmall" leading="compact" className="text-ui-fg-error">
              {part.error}
            </Text>
          )}
        </li>
      ))}
    </ul>
  )
