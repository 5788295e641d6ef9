import { DateTime } from "luxon"
import { parseCsv } from "../../../lib/csv"

export const MAX_MEMBER_ROWS = 20_000

export type MemberRow = { line: number; email: string; plan: string; starts_at: Date; ends_at: Date | null | undefined }
export type MemberProblem = { line: number; email: string | null; reason: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A date from another tool's export, in the shop's time zone: ISO (2026-01-01, 2026-01-01T10:00+01:00)
 * or day first (01/01/2026). A date alone is the start of that day, or for an end the end of it:
 * "ends 2026-12-31" means the member is valid all of 31 December.
 */
export function parseMemberDate(text: string, zone: string, as: "start" | "end"): Date | null {
  const value = text.trim()
  let dt = DateTime.fromISO(value, { zone, setZone: false })
  let dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  if (!dt.isValid) {
    dt = DateTime.fromFormat(value, "d/M/yyyy", { zone })
    dateOnly = dt.isValid
  }
  if (!dt.isValid) return null
  if (dateOnly && as === "end") dt = dt.startOf("day").plus({ days: 1 })
  return dt.toJSDate()
}

/**
 * Reads `email,plan,start[,end]` lines (a header line is recognized and skipped; `,` or `;`). Bad
 * lines are reported one by one and the others imported; an empty end follows the plan's rule.
 */
export function planMemberImport(csv: string, zone: string): { rows: MemberRow[]; problems: MemberProblem[] } {
  const records = parseCsv(csv)
  if (records.length && /e-?mail/i.test(records[0].fields[0] ?? "")) records.shift()
  if (records.length > MAX_MEMBER_ROWS) {
    throw new Error(`The file has ${records.length} lines; import at most ${MAX_MEMBER_ROWS} at a time.`)
  }
  const rows: MemberRow[] = []
  const problems: MemberProblem[] = []
  const seen = new Set<string>()
  for (const { line, fields } of records) {
    const [rawEmail = "", rawPlan = "", rawStart = "", rawEnd = ""] = fields.map((f) => f.trim())
    const email = rawEmail.toLowerCase()
    const problem = (reason: string) => problems.push({ line, email: email || null, reason })
    if (!EMAIL.test(email)) {
      problem(`"${rawEmail}" is not an email address.`)
      continue
    }
    if (!rawPlan) {
      problem("The plan is missing (its name or id, as in Cashless › Memberships).")
      continue
    }
    const start = parseMemberDate(rawStart, zone, "start")
    if (!start) {
      problem(`Start "${rawStart}" is not a date (use 2026-01-31 or 31/01/2026).`)
      continue
    }
    let end: Date | null | undefined
    if (rawEnd) {
      end = parseMemberDate(rawEnd, zone, "end")
      if (!end) {
        problem(`End "${rawEnd}" is not a date (use 2026-12-31 or 31/12/2026; leave it empty to follow the plan).`)
        continue
      }
      if (end <= start) {
        problem(`End ${rawEnd} is not after start ${rawStart}.`)
        continue
      }
    }
    const key = `${email}|${rawPlan.toLowerCase()}|${+start}`
    if (seen.has(key)) {
      problem("Same member, plan and start as an earlier line: skipped.")
      continue
    }
    seen.add(key)
    rows.push({ line, email, plan: rawPlan, starts_at: start, ends_at: end })
  }
  return { rows, problems }
}
