import type { TicketEventView } from "../../lib/door/types"
import { useDoorWords } from "../../lib/door/use-door-words"

/** Checked in out of the capacity, and how many tickets exist: the doors' shared count. */
export const DoorCounter = ({ event, failed }: { event: TicketEventView | null; failed: boolean }) => {
  const { d } = useDoorWords()
  return (
    <section aria-label={d("counter")} data-testid="door-counter" className="bg-ui-bg-base flex flex-col gap-y-1 rounded-xl border p-4">
      <p className="text-ui-fg-subtle text-lg font-medium">{d("counter")}</p>
      {event ? (
        <>
          <p className="text-5xl font-bold tabular-nums">
            <span data-testid="counter-checked-in">{event.counts.checked_in}</span>
            <span className="text-ui-fg-subtle"> / </span>
            <span data-testid="counter-capacity">{event.capacity}</span>
          </p>
          <p data-testid="counter-issued" className="text-ui-fg-subtle text-lg">
            {d("counter_issued", { issued: event.counts.issued })}
          </p>
        </>
      ) : (
        <p className="text-lg">{failed ? d("counter_unavailable") : "…"}</p>
      )}
    </section>
  )
}
