import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ticketZCsv } from "../../../../../../../../lib/ticket-z-csv"
import { TILL_MODULE, TillError } from "../../../../../../../../modules/till"
import type TillModuleService from "../../../../../../../../modules/till/service"
import { withLedgerErrors } from "../../../../../helpers"

/** The Ticket Z of a closed session, as written at its close: JSON, or `?format=csv`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const till = req.scope.resolve<TillModuleService>(TILL_MODULE)
    const session = await till.retrieveSession(req.params.session_id)
    if (!session || session.point_of_sale_id !== req.params.pos_id) {
      throw new TillError("session_not_found", `Till session ${req.params.session_id} not found at this point of sale.`)
    }
    const report = await till.ticketZOf(session.id)
    if (!report) throw new TillError("session_open", "This session is still open: its Ticket Z is written when it closes.")
    if (req.query.format === "csv") {
      res.setHeader("content-type", "text/csv; charset=utf-8")
      res.setHeader("content-disposition", `attachment; filename="ticket-z-${session.id}.csv"`)
      res.send(ticketZCsv(report))
      return
    }
    return { ticket_z: report }
  })
