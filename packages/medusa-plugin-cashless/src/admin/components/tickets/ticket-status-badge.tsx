import { StatusBadge } from "@medusajs/ui"
import { TICKET_STATUS_COLOR, TICKET_STATUS_LABEL, type TicketStatus } from "../../lib/tickets"

export const TicketStatusBadge = ({ status }: { status: TicketStatus }) => (
  <StatusBadge color={TICKET_STATUS_COLOR[status] ?? "grey"} className="whitespace-nowrap">
    {TICKET_STATUS_LABEL[status] ?? status}
  </StatusBadge>
)
