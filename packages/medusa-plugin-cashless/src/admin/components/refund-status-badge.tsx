import { StatusBadge } from "@medusajs/ui"
import { PART_STATUS_COLOR, REFUND_STATUS_COLOR, type RefundPartStatus, type RefundStatus } from "../lib/refunds"

export const RefundStatusBadge = ({ status }: { status: RefundStatus }) => (
  <StatusBadge color={REFUND_STATUS_COLOR[status]} className="capitalize">
    {status}
  </StatusBadge>
)

export const RefundPartStatusBadge = ({ status }: { status: RefundPartStatus }) => (
  <StatusBadge color={PART_STATUS_COLOR[status]} className="capitalize">
    {status}
  </StatusBadge>
)
