import { best, type Period, runEnd, validity } from "../lib/validity"

const d = (iso: string) => new Date(iso)
const p = (start: string, end: string | null, cancelled = false): Period => ({
  starts_at: d(start),
  ends_at: end ? d(end) : null,
  cancelled,
})
const NOW = d("2026-06-01T12:00:00Z")

describe("validity", () => {
  it("is none without periods", () => {
    expect(validity([], NOW)).toEqual({ status: "none", starts_at: null, ends_at: null, upcoming_starts_at: null })
  })

  it("is valid inside a period, to the end of back-to-back renewals", () => {
    const v = validity([p("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"), p("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")], NOW)
    expect(v).toMatchObject({ status: "valid", ends_at: d("2028-01-01T00:00:00Z"), starts_at: d("2026-01-01T00:00:00Z") })
  })

  it("stops the run at a gap", () => {
    const v = validity([p("2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z"), p("2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z")], NOW)
    expect(v.ends_at).toEqual(d("2026-07-01T00:00:00Z"))
  })

  it("is expired after the last end, which it reports", () => {
    const v = validity([p("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), p("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")], NOW)
    expect(v).toMatchObject({ status: "expired", ends_at: d("2026-01-01T00:00:00Z") })
  })

  it("is expired exactly at the end (ends are exclusive)", () => {
    expect(validity([p("2026-01-01T00:00:00Z", "2026-06-01T12:00:00Z")], NOW).status).toBe("expired")
    expect(validity([p("2026-06-01T12:00:00Z", "2026-07-01T00:00:00Z")], NOW).status).toBe("valid")
  })

  it("ignores cancelled periods", () => {
    expect(validity([p("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", true)], NOW).status).toBe("none")
  })

  it("is valid for ever for lifetime", () => {
    expect(validity([p("2020-01-01T00:00:00Z", null)], NOW)).toMatchObject({ status: "valid", ends_at: null })
  })

  it("reports a period granted for later without calling it valid", () => {
    const v = validity([p("2026-09-01T00:00:00Z", "2027-09-01T00:00:00Z")], NOW)
    expect(v).toMatchObject({ status: "none", upcoming_starts_at: d("2026-09-01T00:00:00Z") })
  })
})

describe("runEnd (where a renewal starts)", () => {
  it("is the end of the current run while valid", () => {
    expect(runEnd([p("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")], NOW)).toEqual(d("2027-01-01T00:00:00Z"))
  })
  it("is now after expiry", () => {
    expect(runEnd([p("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")], NOW)).toEqual(NOW)
  })
  it("follows renewals that overlap", () => {
    expect(
      runEnd([p("2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z"), p("2026-05-01T00:00:00Z", "2026-10-01T00:00:00Z")], NOW)
    ).toEqual(d("2026-10-01T00:00:00Z"))
  })
  it("is null while a lifetime membership runs", () => {
    expect(runEnd([p("2020-01-01T00:00:00Z", null)], NOW)).toBeNull()
  })
})

describe("best", () => {
  const v = (status: "valid" | "expired" | "none", end: string | null, name: string) => ({
    status,
    starts_at: null,
    ends_at: end ? d(end) : null,
    upcoming_starts_at: null,
    name,
  })
  it("prefers valid, then the longest, then the latest expired", () => {
    expect(best([v("expired", "2026-05-01T00:00:00Z", "old"), v("valid", "2026-07-01T00:00:00Z", "short"), v("valid", "2027-01-01T00:00:00Z", "long")])?.name).toBe("long")
    expect(best([v("valid", "2027-01-01T00:00:00Z", "year"), v("valid", null, "lifetime")])?.name).toBe("lifetime")
    expect(best([v("none", null, "none"), v("expired", "2026-05-01T00:00:00Z", "a"), v("expired", "2026-05-02T00:00:00Z", "b")])?.name).toBe("b")
    expect(best([])).toBeNull()
  })
})
