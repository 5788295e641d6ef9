export { CashlessTicketEvent } from "./event"
export { CashlessTicket, TICKET_STATUSES } from "./ticket"
