import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TICKET_MODULE } from "../../../../../modules/ticket"
import type TicketModuleService from "../../../../../modules/ticket/service"
import { withLedgerErrors } from "../../../../cashless-errors"
import { parseQuery } from "../../../../parse-query"
import { MyTicketsQuerySchema } from "../../../../admin/cashless/ticket-validators"

/** The logged-in customer's tickets (of one order with `order_id`), each with its e-ticket page. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { order_id } = parseQuery(MyTicketsQuerySchema, req.query)
    const tickets = await req.scope
      .resolve<TicketModuleService>(TICKET_MODULE)
      .storeTickets({ customer_id: req.auth_context.actor_id, order_id })
    return { tickets }
  })
