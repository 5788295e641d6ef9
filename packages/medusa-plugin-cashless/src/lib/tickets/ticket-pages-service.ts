import type { TicketForHolder } from "./ticket-words"

// The ticket module's registration name (tickets contract: modules/ticket exports it too).
export const TICKET_MODULE = "cashless_ticket"

/** What the e-ticket page and email use of the ticket module's service (tickets contract). */
export type TicketPagesService = {
  storeTickets(filter: { secret?: string; ids?: string[]; customer_id?: string; order_id?: string }): Promise<TicketForHolder[]>
  listTickets(filter: { id: string[] }, config: { select: string[] }): Promise<Array<{ id: string; holder_email: string | null }>>
  settings: { ticketUrl: string; timeZone: string }
}
