import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ticketZCsv } from "../../../../../../../../lib/ticket-z-csv"
import { ticketZHtml } from "../../../../../../../../lib/ticket-z-html"
import { TILL_MODULE, TillError } from "../../../../../../../../modules/till"
import type TillModuleService from "../../../../../../../../modules/till/service"
import { parseQuery } from "../../../../../../../parse-query"
import { withLedgerErrors } from "../../../../../helpers"
import { TicketZQuerySchema } from "../../../../../till-validators"

/**
 * The Ticket Z of a closed session, as written at its close: JSON, `?format=csv`, or
 * `?format=html` (`&lang=fr`), a page to print at the till.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { format, lang } = parseQuery(TicketZQuerySchema, req.query)
    const till = req.scope.resolve<TillModuleService>(TILL_MODULE)
    const session = await till.retrieveSession(req.params.session_id)
    if (!session || session.point_of_sale_id !== req.params.pos_id) {
      throw new TillError("session_not_found", `Till session ${req.params.session_id} not found at this point of sale.`)
    }
    const report = await till.ticketZOf(session.id)
    if (!report) throw new TillError("session_open", "This session is still open: its Ticket Z is written when it closes.")
    if (format === "html") {
      const [pos] = await till.listCashlessPointOfSales({ id: session.point_of_sale_id })
      res.setHeader("content-type", "text/html; charset=utf-8")
      res.send(ticketZHtml(report, pos?.name ?? session.point_of_sale_id, lang))
      return
    }
    if (format === "csv") {
      res.setHeader("content-type", "text/csv; charset=utf-8")
      res.setHeader("content-disposition", `attachment; filename="ticket-z-${session.id}.csv"`)
      res.send(ticketZCsv(report))
      return
    }
    return { ticket_z: report }
  })
