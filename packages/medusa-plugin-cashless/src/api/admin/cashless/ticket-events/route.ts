import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TICKET_MODULE } from "../../../../modules/ticket"
import type TicketModuleService from "../../../../modules/ticket/service"
import { createTicketEventWorkflow } from "../../../../workflows/ticket/ticket-workflows"
import { parseQuery } from "../../../parse-query"
import { withLedgerErrors } from "../helpers"
import { type CreateTicketEventBody, ListTicketEventsQuerySchema } from "../ticket-validators"
import { eventViews } from "../tickets/ticket-view"

/** Events with their ticket types and counts; archived ones only when asked. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const query = parseQuery(ListTicketEventsQuerySchema, req.query)
    const events = await req.scope.resolve<TicketModuleService>(TICKET_MODULE).listEventRecords({ archived: query.archived === "true" })
    return { events: await eventViews(req.scope, events) }
  })

/** A new event selling the variants of a product, its capacity counted by Medusa inventory. */
export const POST = async (req: AuthenticatedMedusaRequest<CreateTicketEventBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await createTicketEventWorkflow(req.scope).run({ input: req.validatedBody })
    res.status(201)
    const [event] = await eventViews(req.scope, [result])
    return { event }
  })
