import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ticketEmail } from "../lib/tickets/ticket-email"
import { ticketLangFromHeader } from "../lib/tickets/ticket-words"
import { TICKET_MODULE, type TicketModuleService } from "../modules/ticket"
import { TICKETS_ISSUED_EVENT } from "../workflows/ticket/ticket-workflows"

// Emitted by issueOrderTicketsWorkflow, once per run that created tickets.
export { TICKETS_ISSUED_EVENT }
export const TICKETS_TEMPLATE = "cashless-tickets"

export type TicketsIssuedData = { order_id: string; ticket_ids: string[] }

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, unknown>> }> }

/**
 * Sends an order's e-tickets by email through Medusa's Notification module (the local provider
 * logs it in dev; a shop registers its email provider for the "email" channel). One email per
 * order: the idempotency key is the order's, so a second `cashless.tickets.issued` for the same
 * order (a retried issue, a redelivered event) sends nothing more. It holds all the order's
 * tickets, in the order's language when it has one.
 */
export default async function ticketsIssued({ event, container }: SubscriberArgs<TicketsIssuedData>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { order_id } = event.data
  if (!container.hasRegistration(Modules.NOTIFICATION)) {
    logger.warn(`cashless: no Notification module, the e-tickets of order ${order_id} were not sent`)
    return
  }
  const tickets = container.resolve<TicketModuleService>(TICKET_MODULE)
  const views = await tickets.storeTickets({ order_id })
  if (!views.length) return
  // The holder's address is on the tickets (the buyer's, copied when issued), not in their store view.
  const { tickets: records } = await tickets.listTicketRecords({ order_id, limit: 1000 })
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "email", "locale"], filters: { id: order_id } })
  const order = data[0] as { email?: string | null; locale?: string | null } | undefined
  const to = records.find((r) => r.holder_email)?.holder_email ?? order?.email
  if (!to) {
    logger.warn(`cashless: order ${order_id} has no email address, its e-tickets were not sent`)
    return
  }
  const content = await ticketEmail({
    tickets: views,
    lang: ticketLangFromHeader(order?.locale ?? undefined),
    timeZone: tickets.settings.timeZone,
  })
  await container.resolve<INotificationModuleService>(Modules.NOTIFICATION).createNotifications({
    to,
    channel: "email",
    template: TICKETS_TEMPLATE,
    receiver_id: records.find((r) => r.customer_id)?.customer_id ?? undefined,
    resource_id: order_id,
    resource_type: "order",
    idempotency_key: `${TICKETS_TEMPLATE}:${order_id}`,
    data: {
      order_id,
      ticket_ids: views.map((v) => v.id),
      ticket_urls: views.map((v) => v.page_url),
      // What was sent, readable from the notification row (the html is the same with QR codes).
      subject: content.subject,
      text: content.text,
    },
    content,
  })
}

export const config: SubscriberConfig = {
  event: TICKETS_ISSUED_EVENT,
  context: { subscriberId: "cashless-tickets-issued" },
}
