import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderTicketNotFound, renderTicketPage, TICKET_PAGE_CSP } from "../../../../lib/tickets/ticket-page"
import { ticketLangFromHeader } from "../../../../lib/tickets/ticket-words"
import { TICKET_MODULE, TICKET_SECRET, type TicketModuleService } from "../../../../modules/ticket"

/**
 * A ticket's own page, the address in its QR code and in the email: no key, no login (whoever
 * holds the secret holds the ticket). HTML for a phone or a printer, in the reader's language;
 * never cached or indexed (its status changes at the door, and the address is the ticket).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const lang = ticketLangFromHeader(req.headers["accept-language"])
  const secret = req.params.secret
  // `tk_` and 24 base64url characters, or no ticket: a garbled scan or a guess costs a regular
  // expression, not a database query.
  const tickets = TICKET_SECRET.test(secret)
    ? await req.scope.resolve<TicketModuleService>(TICKET_MODULE).storeTickets({ secret })
    : []
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("X-Robots-Tag", "noindex, nofollow")
  res.setHeader("Content-Security-Policy", TICKET_PAGE_CSP)
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Vary", "Accept-Language")
  if (!tickets.length) {
    res.status(404).send(renderTicketNotFound(lang))
    return
  }
  const timeZone = req.scope.resolve<TicketModuleService>(TICKET_MODULE).settings.timeZone
  res.status(200).send(renderTicketPage({ tickets, lang, timeZone }))
}
