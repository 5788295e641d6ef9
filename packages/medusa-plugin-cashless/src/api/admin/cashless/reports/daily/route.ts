import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { minorToDecimalString } from "../../../../../lib/money"
import { pluginOptions } from "../../../../../lib/plugin-options"
import { TILL_MODULE } from "../../../../../modules/till"
import type TillModuleService from "../../../../../modules/till/service"
import { withLedgerErrors } from "../../helpers"
import { reportRange } from "../report-query"
import { sendCsv } from "../send-table"

/** Per day (shop time zone), point of sale, operation and tender: what the tills took. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { from, to, format } = reportRange(req.query)
    const time_zone = pluginOptions(req.scope).timeZone ?? "Europe/Paris"
    const rows = await req.scope.resolve<TillModuleService>(TILL_MODULE).dailyTotals({ from, to, time_zone })
    if (format === "csv") {
      sendCsv(res, "daily-totals", rows.map((r) => ({ ...r, amount: minorToDecimalString(r.amount, r.currency_code) })), [
        "day",
        "point_of_sale",
        "operation",
        "tender",
        "count",
        "amount",
        "currency_code",
      ])
      return
    }
    return { from: from.toISOString(), to: to.toISOString(), time_zone, totals: rows }
  })
