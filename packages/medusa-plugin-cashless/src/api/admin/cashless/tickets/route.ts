import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TICKET_MODULE } from "../../../../modules/ticket"
import type TicketModuleService from "../../../../modules/ticket/service"
import { parseQuery } from "../../../parse-query"
import { withLedgerErrors } from "../helpers"
import { ListTicketsQuerySchema } from "../ticket-validators"
import { ticketViews } from "./ticket-view"

/** Tickets by event, order, customer or status, or a search on the holder, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const query = parseQuery(ListTicketsQuerySchema, req.query)
    const { tickets, count } = await req.scope.resolve<TicketModuleService>(TICKET_MODULE).listTicketRecords(query)
    return { tickets: await ticketViews(req.scope, tickets), count, limit: query.limit, offset: query.offset }
  })
