import { Text } from "@medusajs/ui"
import { checkInPercent } from "../../lib/ticket-events"
import type { TicketEventView } from "../../lib/tickets"

/** How many are in: checked-in tickets against the capacity, with the tickets sold for scale. */
export const CheckInProgress = ({ event }: { event: Pick<TicketEventView, "capacity" | "counts"> }) => {
  const percent = checkInPercent(event.counts.checked_in, event.capacity)
  return (
    <div className="flex flex-col gap-y-2">
      <div
        role="progressbar"
        aria-label="Checked in"
        aria-valuemin={0}
        aria-valuemax={event.capacity}
        aria-valuenow={event.counts.checked_in}
        aria-valuetext={`${event.counts.checked_in} of ${event.capacity} checked in (${percent} %)`}
        className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
      >
        <div className="bg-ui-fg-interactive h-full transition-all" style={{ width: `${percent}%` }} />
      </div>
      <Text size="small">
        {event.counts.checked_in} of {event.capacity} checked in ({percent} %) · {event.counts.valid} valid{" "}
        {event.counts.valid === 1 ? "ticket" : "tickets"} still to come
      </Text>
    </div>
  )
}
