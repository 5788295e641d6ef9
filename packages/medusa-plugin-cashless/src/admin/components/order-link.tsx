import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { shortId } from "../lib/short-id"

/**
 * An order as staff know it, "#12", linked to Medusa's order page; the bare id when the order
 * could not be read (deleted, or not known to this page).
 */
export const OrderLink = ({ orderId, displayId }: { orderId: string | null; displayId: number | null | undefined }) => {
  if (!orderId) return <Text as="span" size="small" className="text-ui-fg-muted">—</Text>
  return (
    <Link
      to={`/orders/${orderId}`}
      title={orderId}
      className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover whitespace-nowrap"
    >
      {displayId ? `#${displayId}` : shortId(orderId)}
    </Link>
  )
}

/** A payment id shortened for a table; the whole id on hover. */
export const PaymentId = ({ id }: { id: string }) => (
  <Text as="span" size="xsmall" leading="compact" className="text-ui-fg-subtle font-mono whitespace-nowrap" title={id}>
    {shortId(id)}
  </Text>
)
