import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TICKET_MODULE, TICKET_SECRET } from "../../../../../modules/ticket"
import type TicketModuleService from "../../../../../modules/ticket/service"

/**
 * One e-ticket by its secret (the link of a guest's e-mail): whoever holds the secret holds the
 * ticket, so this shows what the ticket itself shows, with its page address.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const secret = req.params.secret
  const [ticket] = TICKET_SECRET.test(secret) ? await req.scope.resolve<TicketModuleService>(TICKET_MODULE).storeTickets({ secret }) : []
  if (!ticket) {
    res.status(404).json({ type: MedusaError.Types.NOT_FOUND, code: "ticket_not_found", message: "No ticket has this code." })
    return
  }
  res.setHeader("Cache-Control", "no-store")
  res.json({ ticket })
}
