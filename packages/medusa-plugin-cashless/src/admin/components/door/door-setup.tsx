import { Button, Text } from "@medusajs/ui"
import type { PointOfSale } from "../../../types/http/till"
import type { TicketEventView } from "../../lib/door/types"
import { useDoorWords } from "../../lib/door/use-door-words"
import { LiveMessage, Panel } from "../till/panel"

const bigChoice = "h-auto min-h-20 w-full flex-col py-3 text-xl"

/** Which door this is: one of the points of sale the staff member works at. */
export const DoorPicker = ({ options, onPick }: { options: PointOfSale[]; onPick: (id: string) => void }) => {
  const { d } = useDoorWords()
  return (
    <Panel title={d("door_title")} testId="door-picker">
      {options.length === 0 ? (
        <LiveMessage tone="error">{d("door_none")}</LiveMessage>
      ) : (
        <>
          <Text className="text-lg">{d("door_choose")}</Text>
          <ul className="grid gap-3 sm:grid-cols-2">
            {options.map((p) => (
              <li key={p.id}>
                <Button size="xlarge" variant="secondary" className={bigChoice} onClick={() => onPick(p.id)}>
                  {p.name}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  )
}

/** Which event the door lets people in to: the events not archived, soonest first. */
export const EventPicker = ({ events, onPick }: { events: TicketEventView[]; onPick: (id: string) => void }) => {
  const { d, lang } = useDoorWords()
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang === "fr" ? "fr-FR" : "en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })
  const open = events.filter((e) => !e.archived_at).sort((a, b) => a.starts_at.localeCompare(b.starts_at))
  return (
    <Panel title={d("event_title")} testId="event-picker">
      {open.length === 0 ? (
        <LiveMessage tone="error">{d("event_none")}</LiveMessage>
      ) : (
        <>
          <Text className="text-lg">{d("event_choose")}</Text>
          <ul className="grid gap-3">
            {open.map((e) => (
              <li key={e.id}>
                <Button size="xlarge" variant="secondary" className={bigChoice} onClick={() => onPick(e.id)}>
                  <span className="font-semibold">{e.name}</span>
                  <span className="text-ui-fg-subtle text-base font-normal">
                    {[d("event_starts", { when: when(e.starts_at) }), e.venue].filter(Boolean).join(" · ")}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  )
}
