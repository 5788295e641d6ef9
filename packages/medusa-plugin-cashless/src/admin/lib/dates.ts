/** Dates in the browser's locale and time zone: the staff reading them are where the shop is. */
export const formatDate = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }) : "—"

export const formatDateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString(undefined, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })
    : "—"

const atMidnight = (date: Date) => date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0
const dayAndTime = (date: Date) =>
  date.toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })

/**
 * A membership start: the day alone when it falls at local midnight (most plans), with the time
 * otherwise (plans counted in hours, grants made "now").
 */
export const formatStart = (iso: string | null | undefined) => {
  if (!iso) return "—"
  const date = new Date(iso)
  return atMidnight(date) ? formatDate(iso) : dayAndTime(date)
}

/**
 * A membership end, which the server stores exclusive (a calendar year ends on 1 January 00:00):
 * at local midnight staff read the last valid day, "31 Dec 2026", not the next one.
 */
export const formatEnd = (iso: string | null | undefined) => {
  if (!iso) return "—"
  const date = new Date(iso)
  if (!atMidnight(date)) return dayAndTime(date)
  date.setDate(date.getDate() - 1)
  return formatDate(date.toISOString())
}

/** `2027-01-01` from a date input, as the start of that day where the staff are. */
export const startOfLocalDay = (day: string) => new Date(`${day}T00:00:00`).toISOString()

/** The last valid day typed by staff, as the exclusive end the server stores: the next local midnight. */
export const endOfLocalDay = (day: string) => {
  const next = new Date(`${day}T00:00:00`)
  next.setDate(next.getDate() + 1)
  return next.toISOString()
}
