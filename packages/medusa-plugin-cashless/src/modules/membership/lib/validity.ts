/** A holder's membership periods of one plan, as the validity rules need them. */
export type Period = { starts_at: Date; ends_at: Date | null; cancelled: boolean }

export type Validity = {
  status: "valid" | "expired" | "none"
  /** Start of the period in force (valid), of the last period (expired), null otherwise. */
  starts_at: Date | null
  /** End of the unbroken run of periods in force (valid), of the last one (expired); null for lifetime or none. */
  ends_at: Date | null
  /** Start of a period granted for later, when none is in force. */
  upcoming_starts_at: Date | null
}

const covers = (p: Period, at: Date) => p.starts_at <= at && (p.ends_at === null || p.ends_at > at)

/**
 * Follows back-to-back periods from `at`: the end of the unbroken run of periods covering `at`
 * (null = lifetime), or `at` itself when nothing covers it. A renewal starts there.
 */
export function runEnd(periods: Period[], at: Date): Date | null {
  const live = periods.filter((p) => !p.cancelled)
  let cursor: Date = at
  for (let guard = 0; guard <= live.length; guard++) {
    let next: Date | null | undefined
    for (const p of live) {
      if (!covers(p, cursor)) continue
      if (p.ends_at === null) return null
      if (next === undefined || (next !== null && p.ends_at > next)) next = p.ends_at
    }
    if (next === undefined || next === null) return next === null ? null : cursor
    cursor = next
  }
  return cursor
}

export function validity(periods: Period[], now: Date): Validity {
  const live = periods.filter((p) => !p.cancelled)
  const current = live.filter((p) => covers(p, now))
  const upcoming = live.filter((p) => p.starts_at > now).sort((a, b) => +a.starts_at - +b.starts_at)[0]
  if (current.length) {
    const start = current.reduce((min, p) => (p.starts_at < min ? p.starts_at : min), current[0].starts_at)
    return { status: "valid", starts_at: start, ends_at: runEnd(live, now), upcoming_starts_at: null }
  }
  const past = live.filter((p) => p.ends_at !== null && p.ends_at <= now).sort((a, b) => +b.ends_at! - +a.ends_at!)[0]
  return {
    status: past ? "expired" : "none",
    starts_at: past?.starts_at ?? null,
    ends_at: past?.ends_at ?? null,
    upcoming_starts_at: upcoming?.starts_at ?? null,
  }
}

/** Of several plans' validity, the one a cashier should see: valid (longest), then the latest expired. */
export function best<T extends Validity>(all: T[]): T | null {
  const rank = (v: Validity) => (v.status === "valid" ? 2 : v.status === "expired" ? 1 : 0)
  const end = (v: Validity) => (v.ends_at === null ? (v.status === "valid" ? Infinity : -Infinity) : +v.ends_at)
  let pick: T | null = null
  for (const v of all) {
    if (!pick || rank(v) > rank(pick) || (rank(v) === rank(pick) && end(v) > end(pick))) pick = v
  }
  return pick
}
