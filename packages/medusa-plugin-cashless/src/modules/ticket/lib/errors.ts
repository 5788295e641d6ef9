import { MedusaError } from "@medusajs/framework/utils"

export type TicketErrorCode =
  | "event_not_found"
  | "ticket_not_found"
  | "product_taken"
  | "ticket_not_refundable"
  | "checked_in"
  | "invalid"
  | "idempotency_conflict"

/** A refusal about an event or a ticket; `code` picks the HTTP status (api/cashless-errors.ts). */
export class TicketError extends MedusaError {
  constructor(type: string, message: string, code: TicketErrorCode) {
    super(type, message, code)
  }

  static eventNotFound(id: string) {
    return new TicketError(MedusaError.Types.NOT_FOUND, `Event ${id} not found.`, "event_not_found")
  }

  static notFound(id: string) {
    return new TicketError(MedusaError.Types.NOT_FOUND, `Ticket ${id} not found.`, "ticket_not_found")
  }

  static productTaken(productId: string, eventName: string) {
    return new TicketError(
      MedusaError.Types.NOT_ALLOWED,
      `Product ${productId} already sells the tickets of "${eventName}": an event needs a product of its own.`,
      "product_taken"
    )
  }

  static notRefundable(id: string, status: string) {
    return new TicketError(MedusaError.Types.NOT_ALLOWED, `Ticket ${id} is ${status}: there is nothing left to refund.`, "ticket_not_refundable")
  }

  static checkedIn(at: string) {
    const when = new Date(at)
    const day = when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    const time = when.toISOString().slice(11, 16)
    return new TicketError(
      MedusaError.Types.NOT_ALLOWED,
      `This ticket was used at the door on ${day} at ${time} UTC. Refunding a used ticket is a manager's exception: confirm it to refund anyway (checked_in_override).`,
      "checked_in"
    )
  }

  static invalid(message: string) {
    return new TicketError(MedusaError.Types.INVALID_DATA, message, "invalid")
  }
}
