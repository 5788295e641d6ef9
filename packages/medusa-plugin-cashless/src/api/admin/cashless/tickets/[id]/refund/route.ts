import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TICKET_MODULE } from "../../../../../../modules/ticket"
import type TicketModuleService from "../../../../../../modules/ticket/service"
import { refundTicketWorkflow } from "../../../../../../workflows/ticket/ticket-workflows"
import { actorOf, withLedgerErrors } from "../../../helpers"
import type { RefundTicketBody } from "../../../ticket-validators"
import { ticketViews } from "../../ticket-view"

/**
 * A ticket paid back to its order's payment, once: a second request answers the first refund
 * (`replayed`). A ticket used at the door needs `checked_in_override` (managers only reach here).
 */
export const POST = async (req: AuthenticatedMedusaRequest<RefundTicketBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const service = req.scope.resolve<TicketModuleService>(TICKET_MODULE)
    await service.retrieveTicket(req.params.id)
    const { result } = await refundTicketWorkflow(req.scope).run({
      input: { id: req.params.id, actor: actorOf(req), reason: req.validatedBody.reason ?? null, override: req.validatedBody.checked_in_override === true },
    })
    const [view] = await ticketViews(req.scope, [await service.retrieveTicket(req.params.id)])
    return { ticket: view, replayed: result.replayed, refund: result.refund ? { amount: result.refund.amount, currency_code: result.refund.currency_code } : null }
  })
