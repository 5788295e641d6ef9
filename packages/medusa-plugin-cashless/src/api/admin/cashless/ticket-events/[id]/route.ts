import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TICKET_MODULE } from "../../../../../modules/ticket"
import type TicketModuleService from "../../../../../modules/ticket/service"
import { updateTicketEventWorkflow } from "../../../../../workflows/ticket/ticket-workflows"
import { withLedgerErrors } from "../../helpers"
import type { UpdateTicketEventBody } from "../../ticket-validators"
import { eventViews } from "../../tickets/ticket-view"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const event = await req.scope.resolve<TicketModuleService>(TICKET_MODULE).retrieveEvent(req.params.id)
    const [view] = await eventViews(req.scope, [event])
    return { event: view }
  })

/** Name, venue, dates, archive, capacity (not below the tickets sold). */
export const POST = async (req: AuthenticatedMedusaRequest<UpdateTicketEventBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const { result } = await updateTicketEventWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
    const [event] = await eventViews(req.scope, [result])
    return { event }
  })
