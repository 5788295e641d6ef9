import { CardLookupQuerySchema, ListCardsQuerySchema } from "../../src/api/admin/cashless/card-validators"
import { ListDevicesQuery } from "../../src/api/admin/cashless/device-validators"
import { ListMembershipsQuerySchema, MembershipCheckQuerySchema } from "../../src/api/admin/cashless/membership-validators"
import { OutstandingQuerySchema, ReportQuerySchema } from "../../src/api/admin/cashless/reports/report-query"
import { ListTicketEventsQuerySchema, ListTicketsQuerySchema } from "../../src/api/admin/cashless/ticket-validators"
import { TicketZQuerySchema, TillSessionsQuerySchema } from "../../src/api/admin/cashless/till-validators"
import { HistoryQuerySchema, ListWalletsQuerySchema } from "../../src/api/admin/cashless/validators"
import * as Cards from "../schemas/cards"
import * as Memberships from "../schemas/memberships"
import * as Reports from "../schemas/reports"
import * as Staff from "../schemas/staff"
import * as Tickets from "../schemas/tickets"
import * as Till from "../schemas/till"
import * as Wallets from "../schemas/wallets"
import { ErrorBody } from "../schemas/common"
import { DeviceAnswer, DeviceList, PairingCode } from "../schemas/devices"
import { RefundAnswer } from "../schemas/refunds"
import { json, type Operation, type Reply } from "./operation"

const csv = (description: string, body: Reply["body"]): Reply => ({ description, body, media: { "text/csv": "with format=csv" } })
const replayable = (created: string, reply: Reply["body"]) => ({ 201: json(created, reply!), 200: json("The same idempotency key again: the first answer", reply!) })

type Row = [Operation["method"], string, string, Reply | Operation["responses"], Operation["query"]?]

/** Rows of one tag: [method, path, summary, 200 answer or every answer, query schema]. */
function group(tag: string, rows: Row[]): Operation[] {
  return rows.map(([method, path, summary, replies, query]) => ({
    method,
    path: `/admin/cashless${path}`,
    summary,
    tag,
    audience: "admin" as const,
    ...(query ? { query } : {}),
    responses: "description" in replies ? { 200: replies as Reply } : (replies as Operation["responses"]),
  }))
}

/** Staff routes (`/admin/cashless/…`): an admin user (or secret API key) with a cashless role. */
export const ADMIN_OPERATIONS: Operation[] = [
  ...group("Wallets", [
    ["GET", "/wallets", "Wallets with their balances", json("A page of wallets", Wallets.WalletList), ListWalletsQuerySchema],
    ["POST", "/wallets", "Create a wallet", { 201: json("The wallet", Wallets.WalletAnswer) }],
    ["GET", "/wallets/:id", "A wallet with its holder and balances", json("The wallet", Wallets.WalletAnswer)],
    ["POST", "/wallets/:id/credit", "Money in: online, cash or card terminal", json("The entry", Wallets.EntryResult)],
    ["POST", "/wallets/:id/gift", "Non-refundable gift credit", json("The entry", Wallets.EntryResult)],
    ["POST", "/wallets/:id/spend", "The wallet pays a point of sale", json("The entry", Wallets.EntryResult)],
    ["POST", "/wallets/:id/transfer", "Move money to another wallet", json("The entry", Wallets.EntryResult)],
    ["POST", "/wallets/:id/adjust", "Staff correction with a reason (admin)", json("The entry", Wallets.EntryResult)],
    ["GET", "/wallets/:id/history", "The wallet's postings, newest first, by cursor", json("A page of postings", Wallets.History), HistoryQuerySchema],
    ["GET", "/wallets/:id/refunds", "The wallet's refunds", json("Refunds, newest first", Wallets.RefundList)],
    ["POST", "/wallets/:id/refunds", "Refund refundable money to the original payments", { 200: json("All paid back", RefundAnswer), 502: json("A provider refused part or all of it", ErrorBody) }],
    ["GET", "/wallets/:id/top-ups", "The online payments that topped the wallet up", json("Payments with what can still be refunded", Wallets.TopUpPayments)],
    ["POST", "/entries/:id/reverse", "Reverse a ledger entry", json("The reversal", Wallets.EntryResult)],
    ["GET", "/assets", "Assets (currencies, gift credit)", json("Every asset", Wallets.Assets)],
    ["POST", "/ledger/verify", "Verify chains, entry hashes and balances", json("The report, naming every row that disagrees", Wallets.VerifyReport)],
    ["GET", "/customers/:id/wallet", "A customer's wallet, or null", json("The wallet or null", Wallets.NullableWalletAnswer)],
  ]),
  ...group("Cards", [
    ["GET", "/cards", "Cards by UID, printed number or holder", json("A page of cards", Cards.CardList), ListCardsQuerySchema],
    ["GET", "/cards/:id", "A card with holder, balances and status log", json("The card and its events", Cards.CardWithEvents)],
    ["POST", "/cards/:id/lost", "Declare the card lost", json("The card", Cards.CardAnswer)],
    ["POST", "/cards/:id/block", "Block the card", json("The card", Cards.CardAnswer)],
    ["POST", "/cards/:id/unblock", "Unblock the card", json("The card", Cards.CardAnswer)],
    ["POST", "/cards/:id/bind", "Bind the card to a customer (its balances move over)", json("The card and the entry that moved its balances", Cards.CardBound)],
    ["POST", "/cards/:id/replace", "Give a new card the old one's wallet and holder", json("Both cards", Cards.CardReplaced)],
    ["GET", "/card-lookup", "A card by UID or QR token", json("The card", Cards.CardAnswer), CardLookupQuerySchema],
    ["POST", "/card-taps", "A card tapped at a till", json("The card, with a wallet from its first use", Cards.CardAnswer)],
    ["GET", "/card-batches", "Card batches, newest first", json("Batches", Cards.CardBatches)],
    ["GET", "/card-batches/:id/export", "A batch for the card printer (CSV)", { 200: { description: "One line per card with its QR address", media: { "text/csv": "the batch" } } }],
    ["POST", "/card-imports", "Import a CSV of cards (runs in the background)", { 202: json("The import, started or replayed", Cards.CardImportStarted) }],
    ["GET", "/card-imports/:id", "An import's progress and skipped lines", json("The import", Cards.CardImport)],
    ["GET", "/customers/:id/cards", "Every card a customer holds or held", json("Their cards", Cards.CardList)],
  ]),
  ...group("Memberships", [
    ["GET", "/membership-plans", "Membership plans", json("Every plan, archived ones last", Memberships.PlanList)],
    ["POST", "/membership-plans", "Create a plan", { 201: json("The plan", Memberships.PlanAnswer) }],
    ["GET", "/membership-plans/:id", "A plan", json("The plan", Memberships.PlanAnswer)],
    ["POST", "/membership-plans/:id", "Edit a plan", json("The plan", Memberships.PlanAnswer)],
    ["GET", "/memberships", "Memberships with their holder (JSON or CSV)", csv("A page of memberships", Memberships.MembershipList), ListMembershipsQuerySchema],
    ["POST", "/memberships", "Grant a membership to a customer or a card", replayable("Granted", Memberships.MembershipGranted)],
    ["GET", "/memberships/:id", "A membership", json("The membership", Memberships.MembershipAnswer)],
    ["POST", "/memberships/:id/cancel", "Cancel a membership with a reason", json("The membership", Memberships.MembershipChanged)],
    ["POST", "/membership-imports", "Import members from CSV", json("What was imported and skipped", Memberships.MembershipImport)],
    ["GET", "/membership-check", "Is this card or customer a member?", json("valid / expired / none", Memberships.MembershipCheckAnswer), MembershipCheckQuerySchema],
    ["GET", "/customers/:id/memberships", "A customer's memberships", json("Status now and every membership", Memberships.CustomerMemberships)],
  ]),
  ...group("Tickets", [
    ["GET", "/ticket-events", "Events with their ticket types and counts", json("Events, by start", Tickets.TicketEventList), ListTicketEventsQuerySchema],
    ["POST", "/ticket-events", "Create an event selling a product's variants, its capacity in Medusa inventory", { 201: json("The event", Tickets.TicketEventAnswer) }],
    ["GET", "/ticket-events/:id", "An event with its counts (the door's live counter)", json("The event", Tickets.TicketEventAnswer)],
    ["POST", "/ticket-events/:id", "Edit, archive or change the capacity of an event", json("The event", Tickets.TicketEventAnswer)],
    ["GET", "/tickets", "Tickets by event, order, customer, status or holder", json("A page of tickets, newest first", Tickets.TicketList), ListTicketsQuerySchema],
    ["GET", "/tickets/:id", "A ticket", json("The ticket", Tickets.TicketAnswer)],
    ["POST", "/tickets/:id/cancel", "Cancel a ticket without money (its seat is free again)", json("The ticket", Tickets.TicketAnswer)],
    [
      "POST", "/tickets/:id/refund", "Refund a ticket's price to its order's payment, once",
      { 200: json("The ticket, and the refund (replayed: it was refunded before)", Tickets.TicketRefunded), 409: json("A ticket used at the door, without checked_in_override; or a cancelled one", ErrorBody) },
    ],
    [
      "POST", "/doors/:pos_id/check-ins", "Admit a ticket by its QR or its holder's card, once",
      {
        200: json("Admitted (a retry with the same key answers the same admission)", Tickets.CheckInAnswer),
        404: json("unknown_ticket or unknown_card, in the same shape", Tickets.CheckInAnswer),
        409: json("already_checked_in (when, by whom, where), cancelled, refunded, wrong_event, no_ticket: in the same shape", Tickets.CheckInAnswer),
      },
    ],
  ]),
  ...group("Till", [
    ["GET", "/points-of-sale", "Points of sale with their open session", json("Points of sale, archived ones last", Till.PointOfSaleList)],
    ["POST", "/points-of-sale", "Create a point of sale", { 201: json("The point of sale", Till.PointOfSaleAnswer) }],
    ["GET", "/points-of-sale/:id", "A point of sale and its open session", json("The point of sale", Till.PointOfSaleDetail)],
    ["POST", "/points-of-sale/:id", "Edit or archive a point of sale", json("The point of sale", Till.PointOfSaleAnswer)],
    ["GET", "/tills/:pos_id/catalog", "The till's product grid at its prices", json("Categories and products", Till.TillCatalog)],
    ["GET", "/tills/:pos_id/session", "The open session, or null", json("The session", Till.SessionAnswer)],
    ["GET", "/tills/:pos_id/sessions", "The till's sessions, newest first", json("A page of sessions", Till.SessionList), TillSessionsQuerySchema],
    ["POST", "/tills/:pos_id/sessions", "Open the till with a cash float", { 201: json("The session", Till.SessionAnswer) }],
    ["POST", "/tills/:pos_id/sessions/:session_id/close", "Close the session with the cash counted", json("The closed session with its Ticket Z", Till.SessionAnswer)],
    ["GET", "/tills/:pos_id/sessions/:session_id/ticket-z", "The Ticket Z of a closed session (JSON, CSV or HTML)", { 200: { description: "The Ticket Z", body: Till.TicketZAnswer, media: { "text/csv": "format=csv", "text/html": "format=html, a page to print" } } }, TicketZQuerySchema],
    ["POST", "/tills/:pos_id/sales", "Sell: basket, card, tenders", { ...replayable("The receipt", Till.SaleReceipt), 402: json("The wallet cannot pay it all: nothing written; says by how much", ErrorBody) }],
    ["POST", "/tills/:pos_id/top-ups", "Top a card up in cash or on the card terminal", replayable("The receipt", Till.MovementReceipt)],
    ["POST", "/tills/:pos_id/refunds", "Give refundable money back in cash", replayable("The receipt", Till.MovementReceipt)],
    ["POST", "/tills/:pos_id/voids", "A card handed back: paid out and blank again (manager)", replayable("The receipt", Till.MovementReceipt)],
    ["GET", "/tills/:pos_id/taps/stream", "Server-Sent Events: taps and status of the point of sale's readers", { 200: { description: "devices, tap and status events", media: { "text/event-stream": "SSE" } } }],
  ]),
  ...group("Devices", [
    ["GET", "/devices", "Paired readers", json("Readers, newest first", DeviceList), ListDevicesQuery],
    ["POST", "/devices/pairing-codes", "A one-time code to pair a reader (manager)", { 201: json("The code, shown once", PairingCode) }],
    ["POST", "/devices/:id/revoke", "Revoke a reader", json("The device", DeviceAnswer)],
  ]),
  ...group("Reports", [
    ["GET", "/reports/daily", "Per day, point of sale, operation and tender (JSON or CSV)", csv("Totals", Reports.DailyReport), ReportQuerySchema],
    ["GET", "/reports/ledger", "Postings of a date range with totals per external account (JSON or CSV)", csv("Postings and totals", Reports.LedgerReport), ReportQuerySchema],
    ["GET", "/reports/outstanding", "What the operator owes its public, per asset (JSON or CSV)", csv("Outstanding balances", Reports.OutstandingReport), OutstandingQuerySchema],
  ]),
  ...group("Staff", [
    ["GET", "/staff", "Admin users with their cashless role", json("Staff and the caller's access", Staff.StaffList)],
    ["GET", "/staff/me", "The caller's own role and points of sale", json("The caller's access", Staff.StaffMeAnswer)],
    ["POST", "/staff/:user_id", "Give, change or take away a role", json("The staff member", Staff.StaffAnswer)],
  ]),
  ...group("Status", [
    ["GET", "/ping", "Authenticated heartbeat", json("Alive", Staff.Ping)],
    ["GET", "/status", "What this process loaded (event bus, workflow engine, locking, database)", json("The status", Staff.Status)],
  ]),
]
