import { z } from "@medusajs/framework/zod"
import { TillError } from "../../../../modules/till"
import { parseQuery } from "../../../parse-query"

const day = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: `${what} is a date such as 2026-07-14 or 2026-07-14T06:00:00Z` })

export const ReportQuerySchema = z
  .object({
    from: day("from").optional(),
    to: day("to").optional(),
    format: z.enum(["json", "csv"], { error: "format is json or csv" }).default("json"),
  })
  .strict()

/** The outstanding report is a snapshot: only its format is chosen. */
export const OutstandingQuerySchema = z
  .object({ format: z.enum(["json", "csv"], { error: "format is json or csv" }).default("json") })
  .strict()

const MAX_DAYS = 366

/**
 * The report's range [from, to): `to` defaults to now, `from` to 30 days before it. A plain
 * date is the start of that day (UTC); at most a year, so one request stays one reasonable read.
 */
export function reportRange(query: unknown): { from: Date; to: Date; format: "json" | "csv" } {
  const q = parseQuery(ReportQuerySchema, query)
  const to = q.to ? new Date(q.to) : new Date()
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000)
  if (from >= to) throw new TillError("invalid", "from must be before to.")
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw new TillError("invalid", `A report covers at most ${MAX_DAYS} days: ask for a shorter range.`)
  return { from, to, format: q.format }
}
