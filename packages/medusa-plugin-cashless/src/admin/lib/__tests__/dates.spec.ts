import { endOfLocalDay, formatDate, formatEnd, formatStart, startOfLocalDay } from "../dates"

// Dates built from local parts, so the expectations hold in any time zone the tests run in.
const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).toISOString()

describe("admin membership dates", () => {
  it("turns the days typed by staff into a start and an exclusive end at local midnight", () => {
    expect(startOfLocalDay("2027-01-01")).toBe(local(2027, 1, 1))
    expect(endOfLocalDay("2026-12-31")).toBe(local(2027, 1, 1))
    expect(endOfLocalDay("2027-02-28")).toBe(local(2027, 3, 1))
  })

  it("shows an end at midnight as the last valid day, any other end with its time", () => {
    expect(formatEnd(local(2027, 1, 1))).toBe(formatDate(local(2026, 12, 31)))
    expect(formatEnd(local(2027, 1, 1, 15))).toContain("2027")
    expect(formatEnd(local(2027, 1, 1, 15))).not.toBe(formatDate(local(2027, 1, 1)))
    expect(formatEnd(null)).toBe("—")
  })

  it("shows a start at midnight as its day", () => {
    expect(formatStart(local(2027, 1, 1))).toBe(formatDate(local(2027, 1, 1)))
    expect(formatStart(local(2027, 1, 1, 9))).not.toBe(formatDate(local(2027, 1, 1)))
  })
})
