import { DateTime, IANAZone } from "luxon"

export const DURATION_UNITS = ["hours", "days", "months", "calendar_year", "school_year", "lifetime"] as const
export type DurationUnit = (typeof DURATION_UNITS)[number]

export type DurationRule = {
  unit: DurationUnit
  /** Hours, days or months per period; years per period for the year rules; ignored for lifetime. */
  count: number
}

export const DEFAULT_TIME_ZONE = "Europe/Paris"

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone)
}

/**
 * End of `periods` periods of `rule` started at `start`, or null for lifetime. Ends are exclusive
 * (a calendar year ends at 1 January 00:00 of the next year, shop time), so a renewal that starts
 * at the previous end leaves no gap and no overlap.
 *
 * Days and months count in shop time: a day across a DST change lasts 23 or 25 hours and ends at
 * the same wall-clock time; a month from 31 January ends on the last day of February.
 */
export function periodEnd(start: Date, rule: DurationRule, periods: number, zone: string): Date | null {
  if (!Number.isInteger(periods) || periods < 1) throw new Error(`periods must be a whole number ≥ 1, got ${periods}`)
  const count = rule.count * periods
  const local = DateTime.fromJSDate(start, { zone })
  if (!local.isValid) throw new Error(`invalid start or time zone "${zone}"`)
  switch (rule.unit) {
    case "lifetime":
      return null
    case "hours":
      return local.plus({ hours: count }).toJSDate()
    case "days":
      return local.plus({ days: count }).toJSDate()
    case "months":
      return local.plus({ months: count }).toJSDate()
    case "calendar_year":
      return DateTime.fromObject({ year: local.year + count, month: 1, day: 1 }, { zone }).toJSDate()
    case "school_year": {
      // The school year in progress ends on 31 August: bought on 15 August, it runs two weeks.
      const firstEndYear = local.month >= 9 ? local.year + 1 : local.year
      return DateTime.fromObject({ year: firstEndYear + count - 1, month: 9, day: 1 }, { zone }).toJSDate()
    }
  }
}

/** "1 year (calendar)", "3 days", "lifetime": how the admin and receipts name a rule. */
export function describeRule(rule: DurationRule): string {
  const n = rule.count
  switch (rule.unit) {
    case "lifetime":
      return "lifetime"
    case "hours":
      return n === 1 ? "1 hour" : `${n} hours`
    case "days":
      return n === 1 ? "1 day" : `${n} days`
    case "months":
      return n === 1 ? "1 month" : `${n} months`
    case "calendar_year":
      return n === 1 ? "calendar year (to 31 December)" : `${n} calendar years (to 31 December)`
    case "school_year":
      return n === 1 ? "school year (to 31 August)" : `${n} school years (to 31 August)`
  }
}
