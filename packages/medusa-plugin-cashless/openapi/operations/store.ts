import { ErrorBody } from "../schemas/common"
import { RefundAnswer } from "../schemas/refunds"
import {
  CardClaimed,
  OwnCardAnswer,
  OwnCardList,
  OwnHistory,
  OwnWallet,
  OwnMemberships,
  OwnRefunds,
  QrCard,
  QrMembership,
  TopUpCart,
  WalletCreditApplied,
  WalletCreditRemoved,
} from "../schemas/store"
import { OwnTicketAnswer, OwnTicketList } from "../schemas/tickets"
import { MyTicketsQuerySchema } from "../../src/api/admin/cashless/ticket-validators"
import { WalletHistoryQuerySchema } from "../../src/api/store/cashless/validators"
import { json, type Operation } from "./operation"

/** Customer and partner routes (`/store/cashless/…`). */
export const STORE_OPERATIONS: Operation[] = [
  { method: "GET", path: "/store/cashless/me/cards", summary: "The logged-in customer's cards", tag: "Store: cards", audience: "store-customer", responses: { 200: json("Their cards, lost and replaced ones included", OwnCardList) } },
  { method: "POST", path: "/store/cashless/me/cards/claim", summary: "Claim a card with its QR token and printed number", tag: "Store: cards", audience: "store-customer", responses: { 200: json("The card, now theirs, and what moved into their wallet", CardClaimed) } },
  { method: "POST", path: "/store/cashless/me/cards/:id/lost", summary: "Declare one of their cards lost", tag: "Store: cards", audience: "store-customer", responses: { 200: json("The card, refused everywhere from now on", OwnCardAnswer) } },
  { method: "POST", path: "/store/cashless/me/carts/:id/wallet-credit", summary: "Pay the cart with the wallet", tag: "Store: wallet", audience: "store-customer", responses: { 200: json("The wallet credit line on the cart", WalletCreditApplied) } },
  { method: "DELETE", path: "/store/cashless/me/carts/:id/wallet-credit", summary: "Take the wallet payment off the cart", tag: "Store: wallet", audience: "store-customer", responses: { 200: json("How many wallet credit lines came off (0: none)", WalletCreditRemoved) } },
  { method: "GET", path: "/store/cashless/me/wallet", summary: "The logged-in customer's wallet and balances", tag: "Store: wallet", audience: "store-customer", responses: { 200: json("The wallet, or null before any money reached it", OwnWallet) } },
  { method: "GET", path: "/store/cashless/me/wallet/history", summary: "The customer's own movements, newest first, by cursor", tag: "Store: wallet", audience: "store-customer", query: WalletHistoryQuerySchema, responses: { 200: json("A page of movements; pass next_cursor back as cursor", OwnHistory) } },
  { method: "GET", path: "/store/cashless/me/memberships", summary: "The logged-in customer's membership status and history", tag: "Store: memberships", audience: "store-customer", responses: { 200: json("Status now and every membership", OwnMemberships) } },
  { method: "GET", path: "/store/cashless/me/refunds", summary: "What can be refunded online, and past refunds", tag: "Store: wallet", audience: "store-customer", responses: { 200: json("Refundable money per currency and refunds, newest first", OwnRefunds) } },
  {
    method: "POST", path: "/store/cashless/me/refunds", summary: "Refund refundable money to the original payments", tag: "Store: wallet", audience: "store-customer",
    responses: { 200: json("All paid back", RefundAnswer), 502: json("A provider refused part or all of it: the rest stays in the wallet, retry with the same key", ErrorBody) },
  },
  { method: "GET", path: "/store/cashless/me/tickets", summary: "The logged-in customer's tickets, with their e-ticket pages", tag: "Store: tickets", audience: "store-customer", query: MyTicketsQuerySchema, responses: { 200: json("Their tickets (of one order with order_id)", OwnTicketList) } },
  { method: "GET", path: "/store/cashless/tickets/:secret", summary: "An e-ticket by its secret (the e-mail's link)", tag: "Store: tickets", audience: "store-public", responses: { 200: json("The ticket", OwnTicketAnswer), 404: json("No ticket has this code", ErrorBody) } },
  { method: "GET", path: "/store/cashless/qr/:token", summary: "What a card's QR code shows: usable, balances, membership", tag: "Store: cards", audience: "store-public", responses: { 200: json("The card, without holder, UID or printed number", QrCard) } },
  { method: "GET", path: "/store/cashless/qr/:token/membership", summary: "Membership status of the card behind a QR code", tag: "Store: memberships", audience: "store-public", responses: { 200: json("valid / expired / none, plan name and end", QrMembership) } },
  { method: "POST", path: "/store/cashless/top-ups", summary: "Put a wallet top-up in a cart (by QR token, or the customer's own wallet)", tag: "Store: wallet", audience: "store-optional-customer", responses: { 201: json("The cart with the top-up line", TopUpCart) } },
]
