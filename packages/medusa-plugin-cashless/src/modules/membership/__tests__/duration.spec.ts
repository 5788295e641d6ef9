import { describeRule, type DurationRule, isTimeZone, periodEnd } from "../lib/duration"

const PARIS = "Europe/Paris"
const at = (iso: string) => new Date(iso)
const end = (start: string, rule: DurationRule, periods = 1, zone = PARIS) => periodEnd(at(start), rule, periods, zone)?.toISOString() ?? null

describe("periodEnd", () => {
  it.each<[string, string, DurationRule, number, string | null]>([
    // hours are elapsed time, even across a DST change (Paris springs forward on 29 March 2026)
    ["2 hours", "2026-06-01T10:00:00.000Z", { unit: "hours", count: 2 }, 1, "2026-06-01T12:00:00.000Z"],
    ["24 hours over spring-forward", "2026-03-28T23:00:00.000Z", { unit: "hours", count: 24 }, 1, "2026-03-29T23:00:00.000Z"],
    ["3 × 8 hours", "2026-06-01T06:00:00.000Z", { unit: "hours", count: 8 }, 3, "2026-06-02T06:00:00.000Z"],
    // days keep the wall-clock time: 23 h on the spring-forward day, 25 h on the fall-back day
    ["1 day over spring-forward", "2026-03-28T11:00:00.000Z", { unit: "days", count: 1 }, 1, "2026-03-29T10:00:00.000Z"],
    ["1 day over fall-back", "2026-10-24T10:00:00.000Z", { unit: "days", count: 1 }, 1, "2026-10-25T11:00:00.000Z"],
    ["3 days", "2026-07-10T08:00:00.000Z", { unit: "days", count: 3 }, 1, "2026-07-13T08:00:00.000Z"],
    ["2 × 3 days", "2026-07-10T08:00:00.000Z", { unit: "days", count: 3 }, 2, "2026-07-16T08:00:00.000Z"],
    // months are month-end safe and DST-aware
    ["1 month from 31 January", "2026-01-31T09:00:00.000Z", { unit: "months", count: 1 }, 1, "2026-02-28T09:00:00.000Z"],
    ["1 month from 31 January, leap year", "2028-01-31T09:00:00.000Z", { unit: "months", count: 1 }, 1, "2028-02-29T09:00:00.000Z"],
    ["3 months from 30 November", "2026-11-30T09:00:00.000Z", { unit: "months", count: 3 }, 1, "2027-02-28T09:00:00.000Z"],
    ["12 months from the leap day", "2028-02-29T09:00:00.000Z", { unit: "months", count: 12 }, 1, "2029-02-28T09:00:00.000Z"],
    ["1 month across spring-forward keeps noon", "2026-03-01T11:00:00.000Z", { unit: "months", count: 1 }, 1, "2026-04-01T10:00:00.000Z"],
    ["1 month across fall-back keeps noon", "2026-10-01T10:00:00.000Z", { unit: "months", count: 1 }, 1, "2026-11-01T11:00:00.000Z"],
    ["4 × 3 months", "2026-01-15T09:00:00.000Z", { unit: "months", count: 3 }, 4, "2027-01-15T09:00:00.000Z"],
    ["1 day into the leap day", "2028-02-28T12:00:00.000Z", { unit: "days", count: 1 }, 1, "2028-02-29T12:00:00.000Z"],
    // calendar years end at 1 January 00:00, shop time (CET: 23:00 UTC the day before)
    ["calendar year bought in June", "2026-06-15T10:00:00.000Z", { unit: "calendar_year", count: 1 }, 1, "2026-12-31T23:00:00.000Z"],
    ["calendar year bought on 31 December", "2026-12-31T20:00:00.000Z", { unit: "calendar_year", count: 1 }, 1, "2026-12-31T23:00:00.000Z"],
    ["calendar year renewed at 1 January 00:00", "2026-12-31T23:00:00.000Z", { unit: "calendar_year", count: 1 }, 1, "2027-12-31T23:00:00.000Z"],
    ["2 calendar years", "2026-06-15T10:00:00.000Z", { unit: "calendar_year", count: 1 }, 2, "2027-12-31T23:00:00.000Z"],
    ["calendar year in a leap year", "2028-02-29T10:00:00.000Z", { unit: "calendar_year", count: 1 }, 1, "2028-12-31T23:00:00.000Z"],
    // school years end at 1 September 00:00, shop time (CEST: 22:00 UTC on 31 August)
    ["school year bought in October", "2026-10-01T10:00:00.000Z", { unit: "school_year", count: 1 }, 1, "2027-08-31T22:00:00.000Z"],
    ["school year bought in February", "2027-02-01T10:00:00.000Z", { unit: "school_year", count: 1 }, 1, "2027-08-31T22:00:00.000Z"],
    ["school year bought on 15 August", "2026-08-15T10:00:00.000Z", { unit: "school_year", count: 1 }, 1, "2026-08-31T22:00:00.000Z"],
    ["school year renewed at 1 September 00:00", "2026-08-31T22:00:00.000Z", { unit: "school_year", count: 1 }, 1, "2027-08-31T22:00:00.000Z"],
    ["2 school years", "2026-10-01T10:00:00.000Z", { unit: "school_year", count: 1 }, 2, "2028-08-31T22:00:00.000Z"],
    ["lifetime", "2026-06-15T10:00:00.000Z", { unit: "lifetime", count: 1 }, 1, null],
    ["3 × lifetime is still lifetime", "2026-06-15T10:00:00.000Z", { unit: "lifetime", count: 1 }, 3, null],
  ])("%s", (_name, start, rule, periods, expected) => {
    expect(end(start, rule, periods)).toBe(expected)
  })

  it("uses the shop's time zone", () => {
    expect(end("2026-06-15T10:00:00.000Z", { unit: "calendar_year", count: 1 }, 1, "America/New_York")).toBe("2027-01-01T05:00:00.000Z")
    expect(end("2026-06-15T10:00:00.000Z", { unit: "calendar_year", count: 1 }, 1, "UTC")).toBe("2027-01-01T00:00:00.000Z")
    // New York falls back a week after Paris: a day there on 1 November 2026 lasts 25 hours
    expect(end("2026-11-01T04:00:00.000Z", { unit: "days", count: 1 }, 1, "America/New_York")).toBe("2026-11-02T05:00:00.000Z")
  })

  it("refuses a number of periods that is not a whole number ≥ 1", () => {
    expect(() => periodEnd(at("2026-01-01T00:00:00Z"), { unit: "days", count: 1 }, 0, PARIS)).toThrow(/whole number/)
    expect(() => periodEnd(at("2026-01-01T00:00:00Z"), { unit: "days", count: 1 }, 1.5, PARIS)).toThrow(/whole number/)
  })

  it("knows time zones", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true)
    expect(isTimeZone("Mars/Olympus")).toBe(false)
  })

  it("names rules for people", () => {
    expect(describeRule({ unit: "days", count: 3 })).toBe("3 days")
    expect(describeRule({ unit: "calendar_year", count: 1 })).toBe("calendar year (to 31 December)")
    expect(describeRule({ unit: "lifetime", count: 1 })).toBe("lifetime")
  })
})
