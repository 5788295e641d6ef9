import { parseMemberDate, planMemberImport } from "../lib/member-import"

const PARIS = "Europe/Paris"
const iso = (d: Date | null) => d?.toISOString() ?? null

describe("parseMemberDate", () => {
  it.each<[string, "start" | "end", string | null]>([
    // A date alone starts at 00:00 shop time; as an end it covers that whole day.
    ["2026-01-01", "start", "2025-12-31T23:00:00.000Z"],
    ["2026-07-01", "start", "2026-06-30T22:00:00.000Z"],
    ["2026-12-31", "end", "2026-12-31T23:00:00.000Z"],
    ["2026-03-28", "end", "2026-03-28T23:00:00.000Z"],
    // The day before the spring-forward night ends at CEST midnight.
    ["2026-03-29", "end", "2026-03-29T22:00:00.000Z"],
    ["31/12/2026", "end", "2026-12-31T23:00:00.000Z"],
    ["1/9/2026", "start", "2026-08-31T22:00:00.000Z"],
    // An explicit time and offset is taken as written.
    ["2026-05-01T10:00:00+02:00", "start", "2026-05-01T08:00:00.000Z"],
    ["2026-05-01T10:00:00+02:00", "end", "2026-05-01T08:00:00.000Z"],
    ["2026-13-01", "start", null],
    ["31/02/2026", "start", null],
    ["next tuesday", "start", null],
  ])("%s as %s", (text, as, expected) => {
    expect(iso(parseMemberDate(text, PARIS, as))).toBe(expected)
  })
})

describe("planMemberImport", () => {
  it("skips the header, keeps good lines and explains each bad one", () => {
    const { rows, problems } = planMemberImport(
      [
        "E-mail;Plan;Start;End",
        "Ana@Example.com;Annual;2026-01-01;2026-12-31",
        "ana@example.com;annual;2026-01-01;",
        "bob@example.com;Annual;01/02/2026;",
        "bad;Annual;2026-01-01;",
        "eve@example.com;;2026-01-01;",
        "eve@example.com;Annual;;",
        "eve@example.com;Annual;2026-06-01;2026-05-01",
      ].join("\r\n"),
      PARIS
    )
    expect(rows.map((r) => [r.line, r.email, r.plan, iso(r.starts_at), r.ends_at === undefined ? "rule" : iso(r.ends_at)])).toEqual([
      [2, "ana@example.com", "Annual", "2025-12-31T23:00:00.000Z", "2026-12-31T23:00:00.000Z"],
      [4, "bob@example.com", "Annual", "2026-01-31T23:00:00.000Z", "rule"],
    ])
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [3, "Same member, plan and start as an earlier line: skipped."],
      [5, '"bad" is not an email address.'],
      [6, "The plan is missing (its name or id, as in Cashless › Memberships)."],
      [7, 'Start "" is not a date (use 2026-01-31 or 31/01/2026).'],
      [8, "End 2026-05-01 is not after start 2026-06-01."],
    ])
  })
})
