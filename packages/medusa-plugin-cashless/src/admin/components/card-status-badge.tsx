import { StatusBadge } from "@medusajs/ui"
import { type CardStatus, STATUS_COLOR } from "../lib/cards"

export const CardStatusBadge = ({ status }: { status: CardStatus }) => (
  <StatusBadge color={STATUS_COLOR[status]} className="capitalize">
    {status}
  </StatusBadge>
)
