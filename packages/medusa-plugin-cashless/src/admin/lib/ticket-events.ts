/**
 * The pure part of the Events pages: what staff type in the event drawer → the request body,
 * the dates an event shows, and how full it is. No React and no request here, so it is unit-tested.
 */

/** The drawer's fields as typed: dates from `<input type="datetime-local">` ("2027-07-14T18:00", local time). */
export type EventForm = {
  name: string
  venue: string
  starts_at: string
  ends_at: string
  capacity: string
  /** Create only: the product whose variants are the ticket types. */
  product_id: string
  /** Create only: "" lets the server pick the location linked to the product's sales channel. */
  stock_location_id: string
}

export type EventFormErrors = Partial<Record<keyof EventForm, string>>

export type CreateEventBody = {
  name: string
  venue?: string
  starts_at: string
  ends_at?: string
  capacity: number
  product_id: string
  stock_location_id?: string
}

export type UpdateEventBody = {
  name?: string
  venue?: string | null
  starts_at?: string
  ends_at?: string | null
  capacity?: number
}

/** The facts of an event the edit drawer starts from (a subset of TicketEventView). */
export type EventFacts = { name: string; venue: string | null; starts_at: string; ends_at: string | null; capacity: number }

export const MAX_CAPACITY = 1_000_000

const pad = (n: number) => String(n).padStart(2, "0")

/** An ISO instant as a datetime-local input shows it: the wall-clock time where the staff are. */
export function toDateTimeLocal(iso: string | null | undefined): string {
  if (!iso) return ""
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ""
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A datetime-local value (read as local time by the browser) → ISO instant, or null when it is no date. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value.trim())) return null
  const d = new Date(value.trim())
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

/** The form as a new, empty event: no dates chosen yet, capacity left for staff to decide. */
export const emptyEventForm = (): EventForm => ({
  name: "",
  venue: "",
  starts_at: "",
  ends_at: "",
  capacity: "",
  product_id: "",
  stock_location_id: "",
})

/** The edit drawer's starting values. */
export const eventFormOf = (event: EventFacts): EventForm => ({
  name: event.name,
  venue: event.venue ?? "",
  starts_at: toDateTimeLocal(event.starts_at),
  ends_at: toDateTimeLocal(event.ends_at),
  capacity: String(event.capacity),
  product_id: "",
  stock_location_id: "",
})

type Checked = { errors: EventFormErrors; starts: string | null; ends: string | null; capacity: number }

/** The checks both drawers share; the server checks again and has the last word (a capacity under the tickets sold). */
function check(form: EventForm): Checked {
  const errors: EventFormErrors = {}
  if (!form.name.trim()) errors.name = "A name is required: buyers see it on their e-ticket."
  const starts = fromDateTimeLocal(form.starts_at)
  if (!starts) errors.starts_at = "When the event starts: a date and a time."
  const ends = form.ends_at.trim() ? fromDateTimeLocal(form.ends_at) : null
  if (form.ends_at.trim() && !ends) errors.ends_at = "A date and a time, or leave it empty."
  else if (starts && ends && ends < starts) errors.ends_at = "The end must come after the start."
  const capacity = Number(form.capacity.trim())
  // 0 is allowed, as the server allows it: an event announced before its tickets go on sale.
  if (!form.capacity.trim() || !Number.isInteger(capacity) || capacity < 0 || capacity > MAX_CAPACITY)
    errors.capacity = `A whole number of places, from 0 to ${MAX_CAPACITY.toLocaleString("en")}.`
  return { errors, starts, ends, capacity }
}

/** The create request, or the errors to show beside the fields. Empty optional fields are left out. */
export function createEventBody(form: EventForm): { body: CreateEventBody } | { errors: EventFormErrors } {
  const { errors, starts, ends, capacity } = check(form)
  if (!form.product_id) errors.product_id = "Pick the product that sells the tickets: its variants are the ticket types."
  if (Object.keys(errors).length || !starts) return { errors }
  const venue = form.venue.trim()
  return {
    body: {
      name: form.name.trim(),
      ...(venue ? { venue } : {}),
      starts_at: starts,
      ...(ends ? { ends_at: ends } : {}),
      capacity,
      product_id: form.product_id,
      ...(form.stock_location_id ? { stock_location_id: form.stock_location_id } : {}),
    },
  }
}

/**
 * The update request: only what changed, so that an edit of the name does not also rewrite the
 * dates (a date typed to the minute would drop the seconds the server holds). A cleared venue or
 * end is sent as null.
 */
export function updateEventBody(event: EventFacts, form: EventForm): { body: UpdateEventBody } | { errors: EventFormErrors } {
  const { errors, starts, ends, capacity } = check(form)
  if (Object.keys(errors).length || !starts) return { errors }
  const before = eventFormOf(event)
  const body: UpdateEventBody = {}
  if (form.name.trim() !== event.name) body.name = form.name.trim()
  if (form.venue.trim() !== (event.venue ?? "")) body.venue = form.venue.trim() || null
  if (form.starts_at !== before.starts_at) body.starts_at = starts
  if (form.ends_at.trim() !== before.ends_at) body.ends_at = ends
  if (capacity !== event.capacity) body.capacity = capacity
  return { body }
}

const sameLocalDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()

const dayAndTime = (d: Date, locale?: string) =>
  d.toLocaleString(locale, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })
const timeOnly = (d: Date, locale?: string) => d.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" })

/**
 * When an event runs, in the browser's locale and time zone: "Sat, Jul 14, 2027, 18:00 – 23:30"
 * on one day, both dates and times across days, the start alone without an end.
 */
export function formatEventDates(startsAt: string, endsAt: string | null, locale?: string): string {
  const start = new Date(startsAt)
  if (!endsAt) return dayAndTime(start, locale)
  const end = new Date(endsAt)
  return sameLocalDay(start, end)
    ? `${dayAndTime(start, locale)} – ${timeOnly(end, locale)}`
    : `${dayAndTime(start, locale)} – ${dayAndTime(end, locale)}`
}

/**
 * Checked-in tickets as a share of the capacity, 0 to 100, rounded down so that 100 % means
 * everyone is in. More than the capacity (it was lowered after the doors opened) shows as full.
 */
export function checkInPercent(checkedIn: number, capacity: number): number {
  if (!(capacity > 0) || !(checkedIn > 0)) return 0
  return Math.min(100, Math.floor((100 * checkedIn) / capacity))
}
