import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TICKET_MODULE } from "../../../../../modules/ticket"
import type TicketModuleService from "../../../../../modules/ticket/service"
import { withLedgerErrors } from "../../helpers"
import { ticketViews } from "../ticket-view"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const ticket = await req.scope.resolve<TicketModuleService>(TICKET_MODULE).retrieveTicket(req.params.id)
    const [view] = await ticketViews(req.scope, [ticket])
    return { ticket: view }
  })
