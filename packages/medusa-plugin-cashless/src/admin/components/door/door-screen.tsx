import { useQueryClient } from "@tanstack/react-query"
import { useCallback, useEffect, useState } from "react"
import { ticketEventQueryKey, useTicketEvent, useTicketEvents } from "../../lib/door/api"
import { parseScan } from "../../lib/door/scan"
import type { CheckInAnswer, TicketEventView } from "../../lib/door/types"
import { useCheckIn } from "../../lib/door/use-check-in"
import { useDoorWords } from "../../lib/door/use-door-words"
import { verdictOf } from "../../lib/door/verdict"
import { usePointsOfSale, useStaffMe } from "../../lib/till/api"
import { useI18n } from "../../lib/till/i18n-context"
import { useReader, useTaps } from "../../lib/till/reader-context"
import { useServerHeartbeat } from "../../lib/till/server-health"
import { LiveMessage, Panel } from "../till/panel"
import { ReaderSettings } from "../till/reader-settings"
import { DoorCounter } from "./door-counter"
import { DoorHeader } from "./door-header"
import { DoorPicker, EventPicker } from "./door-setup"
import { ScanField } from "./scan-field"
import { VerdictPanel } from "./verdict-panel"

const POS_KEY = "cashless.door.pos"
const EVENT_KEY = "cashless.door.event"

const stored = (key: string) => {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}
const remember = (key: string, value: string | null) => {
  try {
    if (value) localStorage.setItem(key, value)
    else localStorage.removeItem(key)
  } catch {
    // kept for this page only
  }
}

const Centered = ({ children }: { children: React.ReactNode }) => <div className="flex flex-1 items-start justify-center overflow-y-auto p-4">{children}</div>

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err))

/** The door at work: scan or tap → the verdict, big; the counter beside it. */
const CheckInDesk = ({ posId, event, eventFailed }: { posId: string; event: TicketEventView; eventFailed: boolean }) => {
  const { d, lang } = useDoorWords()
  const client = useQueryClient()
  const onAnswer = useCallback(
    (answer: CheckInAnswer) => {
      // The answer carries the counts as they are after this check-in: shown at once, then refetched.
      client.setQueryData<{ event: TicketEventView }>(ticketEventQueryKey(event.id), (old) =>
        old ? { event: { ...old.event, capacity: answer.counts.capacity, counts: { ...old.event.counts, checked_in: answer.counts.checked_in, issued: answer.counts.issued } } } : old
      )
      void client.invalidateQueries({ queryKey: ticketEventQueryKey(event.id) })
    },
    [client, event.id]
  )
  const desk = useCheckIn(posId, event.id, onAnswer)
  useTaps((tap) => desk.send({ uid: tap.uid }))

  const onScan = (text: string) => {
    const scan = parseScan(text)
    if (scan.kind === "empty") return
    if (scan.kind === "ticket") return desk.send({ secret: scan.secret })
    desk.show({ kind: scan.kind })
  }

  const verdict = desk.result ? verdictOf(desk.result, lang) : null
  return (
    <div className="grid flex-1 gap-4 p-4 lg:grid-cols-[minmax(20rem,1fr)_2fr]">
      <div className="flex flex-col gap-4">
        <ScanField onScan={onScan} busy={desk.busy} />
        {desk.refusal && <LiveMessage tone="error">{d("refused", { message: desk.refusal })}</LiveMessage>}
        <DoorCounter event={event} failed={eventFailed} />
      </div>
      <VerdictPanel key={desk.serial} serial={desk.serial} verdict={verdict} onRetry={desk.retry} />
    </div>
  )
}

/** The door, full screen over the admin: point of sale → event → check-ins. */
export const DoorScreen = () => {
  const { t, lang } = useI18n()
  const { d } = useDoorWords()
  const server = useServerHeartbeat()
  const me = useStaffMe()
  const points = usePointsOfSale()
  const events = useTicketEvents()
  const [posId, setPosId] = useState<string | null>(() => stored(POS_KEY))
  const [eventId, setEventId] = useState<string | null>(() => stored(EVENT_KEY))
  const [settings, setSettings] = useState(false)

  const role = me.data?.me.role
  const options = (points.data?.points_of_sale ?? []).filter(
    (p) => !p.archived_at && (role !== "cashier" || me.data?.me.point_of_sale_ids.includes(p.id))
  )
  const pos = options.find((p) => p.id === posId) ?? (options.length === 1 ? options[0] : null)
  const openEvents = (events.data?.events ?? []).filter((e) => !e.archived_at)
  const chosen = openEvents.find((e) => e.id === eventId) ?? (openEvents.length === 1 ? openEvents[0] : null)
  const live = useTicketEvent(chosen?.id ?? "")
  const event = live.data?.event ?? chosen

  // Taps from the door's paired readers come through the server: that point of sale's stream.
  const { setPointOfSale } = useReader()
  useEffect(() => setPointOfSale(pos?.id ?? null), [pos?.id, setPointOfSale])

  useEffect(() => {
    if (pos && pos.id !== posId) setPosId(pos.id)
    if (pos) remember(POS_KEY, pos.id)
  }, [pos, posId])
  useEffect(() => {
    if (chosen && chosen.id !== eventId) setEventId(chosen.id)
    if (chosen) remember(EVENT_KEY, chosen.id)
  }, [chosen, eventId])

  const body = (() => {
    if (settings) return <Centered><ReaderSettings onDone={() => setSettings(false)} /></Centered>
    if (!me.data || !points.data || !events.data) {
      const failed = me.error ?? points.error ?? events.error
      return (
        <Centered>
          {failed ? (
            <Panel title={d("door")}>
              <LiveMessage tone="error">{errorText(failed) || t("server_unreachable")}</LiveMessage>
            </Panel>
          ) : (
            <p role="status" className="text-xl">
              {t("loading")}
            </p>
          )}
        </Centered>
      )
    }
    if (!role) return <Centered><Panel title={d("door")}><LiveMessage tone="error">{t("no_role")}</LiveMessage></Panel></Centered>
    if (!pos) return <Centered><DoorPicker options={options} onPick={setPosId} /></Centered>
    if (!event) return <Centered><EventPicker events={openEvents} onPick={setEventId} /></Centered>
    return <CheckInDesk key={`${pos.id}:${event.id}`} posId={pos.id} event={event} eventFailed={!!live.error} />
  })()

  return (
    <div data-door="" lang={lang} className="bg-ui-bg-subtle text-ui-fg-base fixed inset-0 z-[60] flex flex-col overflow-hidden">
      <DoorHeader
        doorName={pos?.name ?? null}
        eventName={pos ? (event?.name ?? null) : null}
        server={server}
        onChangeDoor={options.length > 1 && pos ? () => setPosId(null) : null}
        onChangeEvent={openEvents.length > 1 && event ? () => setEventId(null) : null}
        onReaderSettings={() => setSettings((s) => !s)}
      />
      {server === "unreachable" && (
        <div role="alert" className="bg-ui-tag-red-bg text-ui-tag-red-text border-ui-tag-red-border border-b px-4 py-2 text-lg font-semibold">
          {d("server_banner")}
        </div>
      )}
      {server === "logged_out" && (
        <div role="alert" className="bg-ui-tag-orange-bg text-ui-tag-orange-text border-ui-tag-orange-border border-b px-4 py-2 text-lg font-semibold">
          {d("logged_out_banner")}
        </div>
      )}
      <div className="flex min-h-0 flex-1 flex-col overflow-y-auto">{body}</div>
    </div>
  )
}
