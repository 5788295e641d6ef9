import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TICKET_MODULE } from "../../../../../../modules/ticket"
import type TicketModuleService from "../../../../../../modules/ticket/service"
import { cancelTicketsWorkflow } from "../../../../../../workflows/ticket/ticket-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { CancelTicketBody } from "../../../ticket-validators"
import { ticketViews } from "../../ticket-view"

/**
 * A ticket cancelled without money (a refund is /refund): its seat is free again. Cancelling a
 * cancelled ticket changes nothing; a refunded one is already out.
 */
export const POST = async (req: AuthenticatedMedusaRequest<CancelTicketBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const service = req.scope.resolve<TicketModuleService>(TICKET_MODULE)
    await service.retrieveTicket(req.params.id)
    await cancelTicketsWorkflow(req.scope).run({ input: { ticket_ids: [req.params.id], reason: req.validatedBody.reason, actor: actorOf(req) } })
    const [view] = await ticketViews(req.scope, [await service.retrieveTicket(req.params.id)])
    return { ticket: view }
  })
