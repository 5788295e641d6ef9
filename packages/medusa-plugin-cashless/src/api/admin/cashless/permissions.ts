import type { StaffRole } from "../../../modules/till/lib/staff"

/**
 * Who may call each plugin admin route: the one table the permission middleware
 * (api/admin/staff-access.ts) reads. A route missing here is refused to everyone, admins
 * included, and a test fails for every route file without a row (deny by default).
 *
 * `role`: the least role that may call it; `"any"` lets in any logged-in admin user, even one
 * without a cashless role. `assigned`: the path's `:pos_id` is a point of sale, and a cashier
 * must be assigned to it (managers and admins work at every point of sale). `action` completes
 * the refusal: "Only a manager or an admin can <action>."
 *
 * The line between cashier and manager: a cashier reads, and moves money only inside a till
 * sale or top-up at their own point of sale (which leaves a trace in a session). Everything
 * that creates or moves money outside a sale (credit, spend, transfer, gift, refund, reverse,
 * Medusa order cancellations and payment refunds) and every change of a card's or a
 * membership's state is a manager's. What changes the rules or corrects the ledger by hand
 * (adjustments, plans, points of sale, roles) is an admin's.
 */
export type Permission = {
  method: "GET" | "POST" | "DELETE"
  path: string
  role: StaffRole | "any"
  action: string
  assigned?: true
}

export const PERMISSIONS: readonly Permission[] = [
  // Anyone logged in: the till's heartbeat, and learning one's own role (to be told to ask for one).
  { method: "GET", path: "/admin/cashless/ping", role: "any", action: "check the connection" },
  { method: "GET", path: "/admin/cashless/staff/me", role: "any", action: "read their own role" },

  // Cashier: reading, and what a till does with a card in hand.
  { method: "GET", path: "/admin/cashless/status", role: "cashier", action: "read the cashless status" },
  { method: "GET", path: "/admin/cashless/assets", role: "cashier", action: "read the assets" },
  { method: "GET", path: "/admin/cashless/wallets", role: "cashier", action: "list wallets" },
  { method: "GET", path: "/admin/cashless/wallets/:id", role: "cashier", action: "read a wallet" },
  { method: "GET", path: "/admin/cashless/wallets/:id/history", role: "cashier", action: "read a wallet's history" },
  { method: "GET", path: "/admin/cashless/wallets/:id/top-ups", role: "cashier", action: "read a wallet's top-ups" },
  { method: "GET", path: "/admin/cashless/wallets/:id/refunds", role: "cashier", action: "read a wallet's refunds" },
  { method: "GET", path: "/admin/cashless/customers/:id/wallet", role: "cashier", action: "read a customer's wallet" },
  { method: "GET", path: "/admin/cashless/customers/:id/cards", role: "cashier", action: "read a customer's cards" },
  { method: "GET", path: "/admin/cashless/customers/:id/memberships", role: "cashier", action: "read a customer's memberships" },
  { method: "GET", path: "/admin/cashless/cards", role: "cashier", action: "list cards" },
  { method: "GET", path: "/admin/cashless/cards/:id", role: "cashier", action: "read a card" },
  { method: "GET", path: "/admin/cashless/card-lookup", role: "cashier", action: "look up a card" },
  { method: "GET", path: "/admin/cashless/card-batches", role: "cashier", action: "list card batches" },
  // A tap only reads (and creates the card's empty wallet on its first use): no money moves.
  { method: "POST", path: "/admin/cashless/card-taps", role: "cashier", action: "read a tapped card" },
  { method: "GET", path: "/admin/cashless/memberships", role: "cashier", action: "list memberships" },
  { method: "GET", path: "/admin/cashless/memberships/:id", role: "cashier", action: "read a membership" },
  { method: "GET", path: "/admin/cashless/membership-check", role: "cashier", action: "check a membership" },
  { method: "GET", path: "/admin/cashless/membership-plans", role: "cashier", action: "list membership plans" },
  { method: "GET", path: "/admin/cashless/membership-plans/:id", role: "cashier", action: "read a membership plan" },
  { method: "GET", path: "/admin/cashless/points-of-sale", role: "cashier", action: "list points of sale" },
  { method: "GET", path: "/admin/cashless/points-of-sale/:id", role: "cashier", action: "read a point of sale" },
  { method: "GET", path: "/admin/cashless/devices", role: "cashier", action: "list the paired readers" },
  { method: "GET", path: "/admin/cashless/ticket-events", role: "cashier", action: "list events" },
  { method: "GET", path: "/admin/cashless/ticket-events/:id", role: "cashier", action: "read an event" },
  { method: "GET", path: "/admin/cashless/tickets", role: "cashier", action: "list tickets" },
  { method: "GET", path: "/admin/cashless/tickets/:id", role: "cashier", action: "read a ticket" },

  // The door (#12), at one point of sale: admitting a ticket moves no money.
  { method: "POST", path: "/admin/cashless/doors/:pos_id/check-ins", role: "cashier", assigned: true, action: "check tickets in at this door" },

  // The till (#7), at one point of sale: a cashier only where they are assigned.
  { method: "GET", path: "/admin/cashless/tills/:pos_id/session", role: "cashier", assigned: true, action: "read this till's open session" },
  { method: "GET", path: "/admin/cashless/tills/:pos_id/catalog", role: "cashier", assigned: true, action: "read this till's products" },
  { method: "POST", path: "/admin/cashless/tills/:pos_id/sessions", role: "cashier", assigned: true, action: "open a session at this till" },
  { method: "GET", path: "/admin/cashless/tills/:pos_id/sessions", role: "manager", assigned: true, action: "list a till's sessions" },
  { method: "POST", path: "/admin/cashless/tills/:pos_id/sales", role: "cashier", assigned: true, action: "sell at this till" },
  { method: "POST", path: "/admin/cashless/tills/:pos_id/top-ups", role: "cashier", assigned: true, action: "top up a card at this till" },
  { method: "POST", path: "/admin/cashless/tills/:pos_id/refunds", role: "manager", assigned: true, action: "refund cash at a till" },
  { method: "POST", path: "/admin/cashless/tills/:pos_id/voids", role: "manager", assigned: true, action: "void a card handed back at a till" },
  { method: "POST", path: "/admin/cashless/tills/:pos_id/sessions/:session_id/close", role: "manager", assigned: true, action: "close a till session" },
  { method: "GET", path: "/admin/cashless/tills/:pos_id/sessions/:session_id/ticket-z", role: "manager", assigned: true, action: "read a Ticket Z" },
  // Taps of the point of sale's paired readers (remote mode of the till screen).
  { method: "GET", path: "/admin/cashless/tills/:pos_id/taps/stream", role: "cashier", assigned: true, action: "receive this till's card taps" },
  { method: "GET", path: "/admin/cashless/reports/outstanding", role: "manager", action: "read the outstanding balances" },
  { method: "GET", path: "/admin/cashless/reports/daily", role: "manager", action: "read the daily totals" },
  { method: "GET", path: "/admin/cashless/reports/ledger", role: "manager", action: "export the ledger" },

  // Manager: money outside a sale, card and membership changes, imports, corrections.
  { method: "POST", path: "/admin/cashless/wallets", role: "manager", action: "create a wallet" },
  { method: "POST", path: "/admin/cashless/wallets/:id/credit", role: "manager", action: "credit a wallet outside a till" },
  { method: "POST", path: "/admin/cashless/wallets/:id/spend", role: "manager", action: "debit a wallet outside a till" },
  { method: "POST", path: "/admin/cashless/wallets/:id/transfer", role: "manager", action: "transfer money between wallets" },
  { method: "POST", path: "/admin/cashless/wallets/:id/gift", role: "manager", action: "give gift credit" },
  { method: "POST", path: "/admin/cashless/wallets/:id/refunds", role: "manager", action: "refund a wallet" },
  { method: "POST", path: "/admin/cashless/entries/:id/reverse", role: "manager", action: "reverse a ledger entry" },
  { method: "POST", path: "/admin/cashless/cards/:id/block", role: "manager", action: "block a card" },
  { method: "POST", path: "/admin/cashless/cards/:id/unblock", role: "manager", action: "unblock a card" },
  { method: "POST", path: "/admin/cashless/cards/:id/lost", role: "manager", action: "declare a card lost" },
  { method: "POST", path: "/admin/cashless/cards/:id/bind", role: "manager", action: "bind a card to a customer" },
  { method: "POST", path: "/admin/cashless/cards/:id/replace", role: "manager", action: "replace a card" },
  // The export holds every card's QR token, which is enough to read and top up the card.
  { method: "GET", path: "/admin/cashless/card-batches/:id/export", role: "manager", action: "export a card batch" },
  { method: "POST", path: "/admin/cashless/card-imports", role: "manager", action: "import cards" },
  { method: "GET", path: "/admin/cashless/card-imports/:id", role: "manager", action: "read a card import" },
  { method: "POST", path: "/admin/cashless/memberships", role: "manager", action: "grant a membership" },
  { method: "POST", path: "/admin/cashless/memberships/:id/cancel", role: "manager", action: "cancel a membership" },
  { method: "POST", path: "/admin/cashless/membership-imports", role: "manager", action: "import members" },
  { method: "POST", path: "/admin/cashless/tickets/:id/cancel", role: "manager", action: "cancel a ticket" },
  // Money back to the buyer's payment; a ticket used at the door also needs checked_in_override.
  { method: "POST", path: "/admin/cashless/tickets/:id/refund", role: "manager", action: "refund a ticket" },
  // Recomputes every chain: heavy, so not for every till.
  { method: "POST", path: "/admin/cashless/ledger/verify", role: "manager", action: "verify the ledger" },
  { method: "GET", path: "/admin/cashless/staff", role: "manager", action: "list staff roles" },
  // A paired reader sends taps to a till: pairing and revoking it are a manager's.
  { method: "POST", path: "/admin/cashless/devices/pairing-codes", role: "manager", action: "pair a card reader" },
  { method: "POST", path: "/admin/cashless/devices/:id/revoke", role: "manager", action: "revoke a card reader" },
  // Medusa's own routes that send money back (guarded in api/admin/top-up-guards.ts).
  { method: "POST", path: "/admin/orders/:id/cancel", role: "manager", action: "cancel an order" },
  { method: "POST", path: "/admin/payments/:id/refund", role: "manager", action: "refund a payment" },

  // Admin: the rules and hand corrections.
  { method: "POST", path: "/admin/cashless/wallets/:id/adjust", role: "admin", action: "adjust a balance" },
  { method: "POST", path: "/admin/cashless/membership-plans", role: "admin", action: "create a membership plan" },
  { method: "POST", path: "/admin/cashless/membership-plans/:id", role: "admin", action: "change a membership plan" },
  { method: "POST", path: "/admin/cashless/ticket-events", role: "admin", action: "create an event" },
  { method: "POST", path: "/admin/cashless/ticket-events/:id", role: "admin", action: "change an event" },
  { method: "POST", path: "/admin/cashless/points-of-sale", role: "admin", action: "create a point of sale" },
  { method: "POST", path: "/admin/cashless/points-of-sale/:id", role: "admin", action: "change a point of sale" },
  { method: "POST", path: "/admin/cashless/staff/:user_id", role: "admin", action: "give staff roles" },
]
