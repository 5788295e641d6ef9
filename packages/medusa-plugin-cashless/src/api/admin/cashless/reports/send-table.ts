import type { MedusaResponse } from "@medusajs/framework/http"
import { csvField } from "../../../../lib/csv"

/** A report as CSV (one header row, then one row per record), downloaded under `name`. */
export function sendCsv(res: MedusaResponse, name: string, rows: Array<Record<string, unknown>>, columns: string[]) {
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${name}.csv"`)
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => csvField(r[c] === null || r[c] === undefined ? "" : String(r[c]))).join(","))]
  res.send(lines.join("\r\n") + "\r\n")
}
