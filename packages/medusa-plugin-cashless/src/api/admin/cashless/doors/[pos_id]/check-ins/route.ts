import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CARD_MODULE } from "../../../../../../modules/card"
import type CardModuleService from "../../../../../../modules/card/service"
import { TICKET_MODULE, ticketSecretOf } from "../../../../../../modules/ticket"
import type TicketModuleService from "../../../../../../modules/ticket/service"
import type { CheckInOutcome, CheckInResult } from "../../../../../../modules/ticket/types"
import { TILL_MODULE } from "../../../../../../modules/till"
import { TillError } from "../../../../../../modules/till/lib/errors"
import type TillModuleService from "../../../../../../modules/till/service"
import { checkInTicketWorkflow } from "../../../../../../workflows/ticket/ticket-workflows"
import { withLedgerErrors } from "../../../helpers"
import type { CheckInBody } from "../../../ticket-validators"
import { ticketViews } from "../../../tickets/ticket-view"
import { CHECK_IN_STATUS, checkInMessage } from "./check-in-answer"

/**
 * A ticket at the door, by its scanned QR (the secret, or the page address it carries) or by the
 * tap of its holder's card: admitted once, whatever the number of doors scanning at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<CheckInBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const body = req.validatedBody
    const posId = req.params.pos_id
    const [pos] = await req.scope.resolve<TillModuleService>(TILL_MODULE).listCashlessPointOfSales({ id: posId }, { select: ["id", "archived_at"] })
    if (!pos || pos.archived_at) throw new TillError("pos_not_found", `Point of sale ${posId} not found.`)
    const tickets = req.scope.resolve<TicketModuleService>(TICKET_MODULE)
    const event = await tickets.retrieveEventFacts(body.event_id)

    const refuse = async (outcome: CheckInOutcome, why: string) => {
      const counts = (await tickets.retrieveEvent(event.id)).counts
      const result = { outcome, event: { id: event.id, name: event.name }, ticket_event: null }
      res.status(CHECK_IN_STATUS[outcome])
      return { ...result, message: checkInMessage(result, null, why), ticket: null, holder_remaining: null, counts: { checked_in: counts.checked_in, capacity: event.capacity, issued: counts.issued } }
    }

    let secret: string | undefined
    let customerId: string | undefined
    if (body.secret !== undefined) {
      secret = ticketSecretOf(body.secret) ?? undefined
      if (!secret) return refuse("unknown_ticket", "This code is not a ticket: scan the QR code of an e-ticket.")
    } else {
      const card = await req.scope.resolve<CardModuleService>(CARD_MODULE).findCardByUid(body.uid!)
      if (!card) return refuse("unknown_card", "This card is not registered.")
      if (card.status === "lost" || card.status === "blocked" || card.status === "voided") {
        return refuse("unknown_card", `This card is ${card.status}: it admits no one.`)
      }
      if (!card.customer_id) return refuse("no_ticket", "This card is anonymous: scan the holder's e-ticket instead.")
      customerId = card.customer_id
    }

    const { result } = await checkInTicketWorkflow(req.scope).run({
      input: {
        event_id: event.id,
        secret,
        customer_id: customerId,
        actor_id: req.auth_context.actor_id,
        point_of_sale_id: posId,
        idempotency_key: body.idempotency_key,
      },
    })
    const [ticket] = result.ticket ? await ticketViews(req.scope, [result.ticket]) : [null]
    res.status(CHECK_IN_STATUS[result.outcome])
    return answerOf(result, ticket)
  })

function answerOf(result: CheckInResult, ticket: Awaited<ReturnType<typeof ticketViews>>[number] | null) {
  return {
    outcome: result.outcome,
    message: checkInMessage(result, ticket),
    ticket,
    event: { id: result.event.id, name: result.event.name },
    ticket_event: result.ticket_event,
    holder_remaining: result.holder_remaining,
    counts: { checked_in: result.counts.checked_in, capacity: result.event.capacity, issued: result.counts.issued },
  }
}
