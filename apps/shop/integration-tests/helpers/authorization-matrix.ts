import { randomUUID } from "node:crypto"
import { type ActorName, must, STAFF_RANK, type World } from "./actors"
import { newNumber, newUid } from "./cards"
import { key } from "./ledger-api"

/**
 * Who may call each plugin route: one row per `METHOD /matcher` the plugin serves, one column
 * per actor (actors.ts). Rules by route family give most cells; a row's `overrides` give the
 * rest. docs/authorization.md explains the families and how to add a row.
 */

/**
 * - `admin`: /admin/cashless/*. Medusa authenticates an admin user (401 for everyone else); then
 *   the plugin's staff roles (docs/staff-roles.md): `least` role (an admin user without a cashless
 *   role passes `any` only), and for `assigned` till routes a cashier must be assigned to the
 *   path's point of sale (P1) — 403 otherwise.
 * - `device`: /cashless/devices/me*, /cashless/tills/:pos_id/*. A live device token only (401 for
 *   anything else, a revoked device included); `pinned` routes name P1 in the path, so P2's
 *   device gets 403.
 * - `store-me`: /store/cashless/me/*. Medusa wants a publishable key on every /store route (400
 *   without one), then a logged-in customer (401). Each customer gets their own data.
 * - `store-public`: /store/cashless/qr/*, /store/cashless/top-ups. A publishable key (400 without).
 * - `pairing`: /cashless/devices/pair. The pairing code is the credential; nothing else matters.
 * - `page`: /cashless/tickets/:secret. A page opened in a browser; the secret in its path is the credential.
 */
export type Family = "admin" | "device" | "store-me" | "store-public" | "pairing" | "page"
export type Role = "any" | "cashier" | "manager" | "admin"

export type Call = { method: "GET" | "POST" | "DELETE"; url: string; body?: unknown; sse?: boolean }

export type Row = {
  op: string
  family: Family
  /** The answer of an actor the rules let in. */
  ok: number
  least?: Role
  assigned?: true
  pinned?: true
  /** Cells the family's rule does not give, with why in `note`. */
  overrides?: Partial<Record<ActorName, number>>
  note?: string
  /** The request, built per call (fresh keys, fresh targets made by the admin). */
  call: (w: World, actor: ActorName) => Call | Promise<Call>
  /** Run after each call (e.g. reopen P1's session a row closed). */
  after?: (w: World) => Promise<void>
  /** A's identifiers an outsider may see here by design, and why (docs/authorization.md). */
  allowedToSee?: { ids: (w: World) => string[]; balances?: true; why: string }
}

const STAFF: ActorName[] = ["no role", "cashier", "cashier P1", "manager", "admin"]
const hasKey = (a: ActorName) => a === "publishable key" || a === "customer A" || a === "customer B"

/** The status the table expects of `actor` on `row`. */
export function expected(row: Row, actor: ActorName): number {
  const override = row.overrides?.[actor]
  if (override !== undefined) return override
  switch (row.family) {
    case "admin": {
      if (!STAFF.includes(actor)) return 401
      if (row.least === "any") return row.ok
      if ((STAFF_RANK[actor] ?? 0) < rankOf(row.least ?? "admin")) return 403
      if (row.assigned && actor === "cashier") return 403
      return row.ok
    }
    case "device":
      if (actor === "device P1") return row.ok
      if (actor === "device P2") return row.pinned ? 403 : row.ok
      return 401
    case "store-me":
      if (!hasKey(actor)) return 400
      return actor === "publishable key" ? 401 : row.ok
    case "store-public":
      return hasKey(actor) ? row.ok : 400
    case "pairing":
    case "page":
      return row.ok
  }
}

const rankOf = (role: Role) => ({ any: 0, cashier: 1, manager: 2, admin: 3 })[role]

const get = (url: string): Call => ({ method: "GET", url })
const post = (url: string, body: unknown = {}): Call => ({ method: "POST", url, body })
const A = "/admin/cashless"

/** A card registered, tapped (it has a wallet) and, if asked, bound to a new customer. */
async function preparedCard(w: World, opts: { bind?: true; status?: "blocked" | "lost" } = {}) {
  const card = w.freshCard()
  must("tap", await w.admin.post(`${A}/card-taps`, { uid: card.uid }))
  if (opts.bind) must("bind", await w.admin.post(`${A}/cards/${card.id}/bind`, { customer_id: await w.freshCustomer() }))
  if (opts.status === "blocked") must("block", await w.admin.post(`${A}/cards/${card.id}/block`, { reason: "matrix" }))
  if (opts.status === "lost") must("lost", await w.admin.post(`${A}/cards/${card.id}/lost`, {}))
  return card
}

const ensureOpenSession = async (w: World) => {
  const open = await w.admin.get(`${A}/tills/${w.p1}/session`)
  if (!open.data.session) await w.openSession()
}

export const ROWS: Row[] = [
  // ── Staff: anyone logged in ──────────────────────────────────────────────
  { op: `GET ${A}/ping`, family: "admin", least: "any", ok: 200, call: () => get(`${A}/ping`) },
  { op: `GET ${A}/staff/me`, family: "admin", least: "any", ok: 200, call: () => get(`${A}/staff/me`) },

  // ── Staff: cashier reads ─────────────────────────────────────────────────
  { op: `GET ${A}/status`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/status`) },
  { op: `GET ${A}/assets`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/assets`) },
  { op: `GET ${A}/wallets`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/wallets`) },
  { op: `GET ${A}/wallets/:id`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/wallets/${w.a.wallet_id}`) },
  { op: `GET ${A}/wallets/:id/history`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/wallets/${w.a.wallet_id}/history`) },
  { op: `GET ${A}/wallets/:id/top-ups`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/wallets/${w.a.wallet_id}/top-ups`) },
  { op: `GET ${A}/wallets/:id/refunds`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/wallets/${w.a.wallet_id}/refunds`) },
  { op: `GET ${A}/customers/:id/wallet`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/customers/${w.a.customer.id}/wallet`) },
  { op: `GET ${A}/customers/:id/cards`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/customers/${w.a.customer.id}/cards`) },
  { op: `GET ${A}/customers/:id/memberships`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/customers/${w.a.customer.id}/memberships`) },
  { op: `GET ${A}/cards`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/cards`) },
  { op: `GET ${A}/cards/:id`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/cards/${w.a.card.id}`) },
  { op: `GET ${A}/card-lookup`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/card-lookup?uid=${w.a.card.uid}`) },
  { op: `GET ${A}/card-batches`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/card-batches`) },
  { op: `POST ${A}/card-taps`, family: "admin", least: "cashier", ok: 200, call: (w) => post(`${A}/card-taps`, { uid: w.a.card.uid }) },
  { op: `GET ${A}/memberships`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/memberships`) },
  { op: `GET ${A}/memberships/:id`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/memberships/${w.a.membership_id}`) },
  { op: `GET ${A}/membership-check`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/membership-check?uid=${w.a.card.uid}`) },
  { op: `GET ${A}/membership-plans`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/membership-plans`) },
  { op: `GET ${A}/membership-plans/:id`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/membership-plans/${w.plan_id}`) },
  { op: `GET ${A}/points-of-sale`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/points-of-sale`) },
  { op: `GET ${A}/points-of-sale/:id`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/points-of-sale/${w.p1}`) },
  { op: `GET ${A}/devices`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/devices`) },
  { op: `GET ${A}/ticket-events`, family: "admin", least: "cashier", ok: 200, call: () => get(`${A}/ticket-events`) },
  { op: `GET ${A}/ticket-events/:id`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/ticket-events/${w.event_id}`) },
  { op: `GET ${A}/tickets`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/tickets?event_id=${w.event_id}`) },
  { op: `GET ${A}/tickets/:id`, family: "admin", least: "cashier", ok: 200, call: (w) => get(`${A}/tickets/${w.a.ticket.id}`) },

  // ── Staff: the door at P1 (a cashier only where assigned) ───────────────
  {
    op: `POST ${A}/doors/:pos_id/check-ins`, family: "admin", least: "cashier", assigned: true, ok: 200,
    note: "one ticket and one key for every actor: the first let in admits it, the others get the same admission back",
    call: (w) => post(`${A}/doors/${w.p1}/check-ins`, { event_id: w.event_id, secret: w.tickets.door.secret, idempotency_key: w.tickets.door.key }),
  },

  // ── Staff: the till at P1 (a cashier only where assigned) ───────────────
  { op: `GET ${A}/tills/:pos_id/session`, family: "admin", least: "cashier", assigned: true, ok: 200, call: (w) => get(`${A}/tills/${w.p1}/session`) },
  { op: `GET ${A}/tills/:pos_id/catalog`, family: "admin", least: "cashier", assigned: true, ok: 200, call: (w) => get(`${A}/tills/${w.p1}/catalog`) },
  {
    op: `POST ${A}/tills/:pos_id/sessions`, family: "admin", least: "cashier", assigned: true, ok: 201,
    call: async (w) => { await w.closeSession(); return post(`${A}/tills/${w.p1}/sessions`, { opening_float: 0 }) },
    after: ensureOpenSession,
  },
  { op: `GET ${A}/tills/:pos_id/sessions`, family: "admin", least: "manager", assigned: true, ok: 200, call: (w) => get(`${A}/tills/${w.p1}/sessions`) },
  {
    op: `POST ${A}/tills/:pos_id/sales`, family: "admin", least: "cashier", assigned: true, ok: 201,
    call: (w) => post(`${A}/tills/${w.p1}/sales`, { idempotency_key: key("sale"), card_uid: w.till_card.uid, lines: [{ variant_id: w.beer, quantity: 1 }] }),
  },
  {
    op: `POST ${A}/tills/:pos_id/top-ups`, family: "admin", least: "cashier", assigned: true, ok: 201,
    call: (w) => post(`${A}/tills/${w.p1}/top-ups`, { idempotency_key: key("top-up"), card_uid: w.till_card.uid, amount: 500, tender: "cash" }),
  },
  {
    op: `POST ${A}/tills/:pos_id/refunds`, family: "admin", least: "manager", assigned: true, ok: 201,
    call: (w) => post(`${A}/tills/${w.p1}/refunds`, { idempotency_key: key("refund"), card_uid: w.till_card.uid, amount: 100 }),
  },
  {
    op: `POST ${A}/tills/:pos_id/voids`, family: "admin", least: "manager", assigned: true, ok: 201,
    call: async (w) => post(`${A}/tills/${w.p1}/voids`, { idempotency_key: key("void"), card_uid: (await preparedCard(w)).uid }),
  },
  {
    op: `POST ${A}/tills/:pos_id/sessions/:session_id/close`, family: "admin", least: "manager", assigned: true, ok: 200,
    call: async (w) => post(`${A}/tills/${w.p1}/sessions/${await w.openSession()}/close`, { counted_cash: 0 }),
    after: ensureOpenSession,
  },
  {
    op: `GET ${A}/tills/:pos_id/sessions/:session_id/ticket-z`, family: "admin", least: "manager", assigned: true, ok: 200,
    call: (w) => get(`${A}/tills/${w.p1}/sessions/${w.closed_session_id}/ticket-z`),
  },
  {
    op: `GET ${A}/tills/:pos_id/taps/stream`, family: "admin", least: "cashier", assigned: true, ok: 200,
    call: (w) => ({ ...get(`${A}/tills/${w.p1}/taps/stream`), sse: true }),
  },

  // ── Staff: manager ───────────────────────────────────────────────────────
  { op: `GET ${A}/reports/outstanding`, family: "admin", least: "manager", ok: 200, call: () => get(`${A}/reports/outstanding`) },
  { op: `GET ${A}/reports/daily`, family: "admin", least: "manager", ok: 200, call: () => get(`${A}/reports/daily`) },
  { op: `GET ${A}/reports/ledger`, family: "admin", least: "manager", ok: 200, call: () => get(`${A}/reports/ledger`) },
  { op: `POST ${A}/devices/pairing-codes`, family: "admin", least: "manager", ok: 201, call: (w) => post(`${A}/devices/pairing-codes`, { point_of_sale_id: w.p1, name: "Matrix" }) },
  { op: `POST ${A}/devices/:id/revoke`, family: "admin", least: "manager", ok: 200, call: async (w) => post(`${A}/devices/${(await w.freshDevice()).id}/revoke`, {}) },
  { op: `POST ${A}/wallets`, family: "admin", least: "manager", ok: 201, call: () => post(`${A}/wallets`, { label: "Matrix" }) },
  {
    op: `POST ${A}/wallets/:id/credit`, family: "admin", least: "manager", ok: 200,
    call: (w) => post(`${A}/wallets/${w.float_wallet}/credit`, { amount: 100, source: "cash_drawer", idempotency_key: key("credit") }),
  },
  {
    op: `POST ${A}/wallets/:id/spend`, family: "admin", least: "manager", ok: 200,
    call: (w) => post(`${A}/wallets/${w.float_wallet}/spend`, { amount: 100, currency_code: "eur", point_of_sale: "bar", idempotency_key: key("spend") }),
  },
  {
    op: `POST ${A}/wallets/:id/transfer`, family: "admin", least: "manager", ok: 200,
    call: (w) => post(`${A}/wallets/${w.float_wallet}/transfer`, { to_wallet_id: w.other_wallet, amount: 100, idempotency_key: key("transfer") }),
  },
  {
    op: `POST ${A}/wallets/:id/gift`, family: "admin", least: "manager", ok: 200,
    call: (w) => post(`${A}/wallets/${w.float_wallet}/gift`, { amount: 100, reason: "matrix", idempotency_key: key("gift") }),
  },
  {
    op: `POST ${A}/wallets/:id/refunds`, family: "admin", least: "manager", ok: 200,
    call: (w) => post(`${A}/wallets/${w.a.wallet_id}/refunds`, { amount: 100, idempotency_key: key("wallet-refund") }),
  },
  {
    op: `POST ${A}/entries/:id/reverse`, family: "admin", least: "manager", ok: 200,
    call: async (w) => {
      const credit = must("credit", await w.admin.post(`${A}/wallets/${w.float_wallet}/credit`, { amount: 100, source: "cash_drawer", idempotency_key: key("credit") }))
      return post(`${A}/entries/${credit.entry.id}/reverse`, { reason: "matrix", idempotency_key: key("reverse") })
    },
  },
  { op: `POST ${A}/cards/:id/block`, family: "admin", least: "manager", ok: 200, call: async (w) => post(`${A}/cards/${(await preparedCard(w)).id}/block`, { reason: "matrix" }) },
  {
    op: `POST ${A}/cards/:id/unblock`, family: "admin", least: "manager", ok: 200,
    call: async (w) => post(`${A}/cards/${(await preparedCard(w, { status: "blocked" })).id}/unblock`, { reason: "matrix" }),
  },
  { op: `POST ${A}/cards/:id/lost`, family: "admin", least: "manager", ok: 200, call: async (w) => post(`${A}/cards/${(await preparedCard(w)).id}/lost`, {}) },
  { op: `POST ${A}/cards/:id/bind`, family: "admin", least: "manager", ok: 200, call: async (w) => post(`${A}/cards/${w.freshCard().id}/bind`, { customer_id: await w.freshCustomer() }) },
  {
    op: `POST ${A}/cards/:id/replace`, family: "admin", least: "manager", ok: 200,
    call: async (w) => post(`${A}/cards/${(await preparedCard(w, { bind: true, status: "lost" })).id}/replace`, { new_card_uid: w.freshCard().uid }),
  },
  { op: `GET ${A}/card-batches/:id/export`, family: "admin", least: "manager", ok: 200, call: (w) => get(`${A}/card-batches/${w.batch_id}/export`) },
  {
    op: `POST ${A}/card-imports`, family: "admin", least: "manager", ok: 202,
    call: () => post(`${A}/card-imports`, { batch_name: "Matrix", csv: `${newUid()},${newNumber("M")}`, idempotency_key: key("import") }),
  },
  { op: `GET ${A}/card-imports/:id`, family: "admin", least: "manager", ok: 200, call: (w) => get(`${A}/card-imports/${w.import_id}`) },
  {
    op: `POST ${A}/memberships`, family: "admin", least: "manager", ok: 201,
    call: (w) => post(`${A}/memberships`, { plan_id: w.plan_id, customer_id: w.b.customer.id, idempotency_key: key("grant") }),
  },
  {
    op: `POST ${A}/tickets/:id/cancel`, family: "admin", least: "manager", ok: 200,
    note: "cancelling a cancelled ticket changes nothing and answers it",
    call: (w) => post(`${A}/tickets/${w.tickets.cancel}/cancel`, { reason: "matrix" }),
  },
  {
    op: `POST ${A}/tickets/:id/refund`, family: "admin", least: "manager", ok: 200,
    note: "the second manager's request answers the first refund (replayed)",
    call: (w) => post(`${A}/tickets/${w.tickets.refund}/refund`, { reason: "matrix" }),
  },
  {
    op: `POST ${A}/memberships/:id/cancel`, family: "admin", least: "manager", ok: 200,
    call: async (w) => {
      const granted = must("grant", await w.admin.post(`${A}/memberships`, { plan_id: w.plan_id, card_id: (await preparedCard(w)).id, idempotency_key: key("grant") }), 201)
      return post(`${A}/memberships/${granted.membership.id}/cancel`, { reason: "matrix" })
    },
  },
  { op: `POST ${A}/membership-imports`, family: "admin", least: "manager", ok: 200, call: (w) => post(`${A}/membership-imports`, { csv: `${w.b.customer.email},Year,2026-01-01` }) },
  { op: `POST ${A}/ledger/verify`, family: "admin", least: "manager", ok: 200, call: () => post(`${A}/ledger/verify`, {}) },
  { op: `GET ${A}/staff`, family: "admin", least: "manager", ok: 200, call: () => get(`${A}/staff`) },

  // ── Staff: admin ─────────────────────────────────────────────────────────
  {
    op: `POST ${A}/wallets/:id/adjust`, family: "admin", least: "admin", ok: 200,
    call: (w) => post(`${A}/wallets/${w.float_wallet}/adjust`, { amount: 100, asset_code: "EUR", reason: "matrix", idempotency_key: key("adjust") }),
  },
  {
    op: `POST ${A}/membership-plans`, family: "admin", least: "admin", ok: 201,
    call: () => post(`${A}/membership-plans`, { name: `Plan ${key()}`, duration_unit: "months", duration_count: 1 }),
  },
  { op: `POST ${A}/membership-plans/:id`, family: "admin", least: "admin", ok: 200, call: (w) => post(`${A}/membership-plans/${w.plan_id}`, { description: "Twelve months" }) },
  {
    op: `POST ${A}/ticket-events`, family: "admin", least: "admin", ok: 201,
    call: async (w) => post(`${A}/ticket-events`, { name: `Event ${key()}`, starts_at: "2099-01-01T20:00:00Z", capacity: 10, product_id: await w.freshTicketProduct() }),
  },
  { op: `POST ${A}/ticket-events/:id`, family: "admin", least: "admin", ok: 200, call: (w) => post(`${A}/ticket-events/${w.event_id}`, { venue: "Main hall" }) },
  {
    op: `POST ${A}/points-of-sale`, family: "admin", least: "admin", ok: 201,
    call: (w) => post(`${A}/points-of-sale`, { name: `Stand ${key()}`, sales_channel_id: w.shop.sales_channel_id, country_code: "fr" }),
  },
  { op: `POST ${A}/points-of-sale/:id`, family: "admin", least: "admin", ok: 200, call: (w) => post(`${A}/points-of-sale/${w.p2}`, { name: "Bar P2" }) },
  { op: `POST ${A}/staff/:user_id`, family: "admin", least: "admin", ok: 200, call: (w) => post(`${A}/staff/${w.staff.cashier.id}`, { role: "cashier" }) },

  // ── Reader agents ────────────────────────────────────────────────────────
  {
    op: "POST /cashless/devices/pair", family: "pairing", ok: 201,
    note: "the one-time pairing code (made by a manager) is the credential: whoever holds it pairs, whatever else they send",
    call: async (w) => post("/cashless/devices/pair", { code: await w.pairingCode("P2"), agent_version: "1.0.0" }),
  },
  { op: "GET /cashless/devices/me", family: "device", ok: 200, call: () => get("/cashless/devices/me") },
  { op: "POST /cashless/devices/me/status", family: "device", ok: 200, call: () => post("/cashless/devices/me/status", { readers: ["ACR122U"], pcsc: "ok" }) },
  {
    op: "POST /cashless/tills/:pos_id/taps", family: "device", pinned: true, ok: 202,
    call: (w) => post(`/cashless/tills/${w.p1}/taps`, { tap_id: randomUUID(), uid: w.till_card.uid, reader: "ACR122U" }),
  },

  // ── Pages a browser opens ─────────────────────────────────────────────────
  {
    op: "GET /cashless/tickets/:secret", family: "page", ok: 200,
    note: "A's e-ticket page (the e-mail's link, the QR code): whoever holds the secret holds the ticket",
    call: (w) => get(`/cashless/tickets/${w.a.ticket.secret}`),
    allowedToSee: { ids: () => [], why: "the page shows the ticket's event, type, holder's name and QR code, none of A's identifiers" },
  },

  // ── Store: the logged-in customer's own things ──────────────────────────
  { op: "GET /store/cashless/me/cards", family: "store-me", ok: 200, call: () => get("/store/cashless/me/cards") },
  { op: "GET /store/cashless/me/wallet", family: "store-me", ok: 200, call: () => get("/store/cashless/me/wallet") },
  { op: "GET /store/cashless/me/wallet/history", family: "store-me", ok: 200, call: () => get("/store/cashless/me/wallet/history?limit=50") },
  { op: "GET /store/cashless/me/memberships", family: "store-me", ok: 200, call: () => get("/store/cashless/me/memberships") },
  { op: "GET /store/cashless/me/refunds", family: "store-me", ok: 200, call: () => get("/store/cashless/me/refunds") },
  { op: "GET /store/cashless/me/tickets", family: "store-me", ok: 200, call: () => get("/store/cashless/me/tickets") },
  {
    op: "POST /store/cashless/me/refunds", family: "store-me", ok: 200,
    overrides: { "customer B": 409 },
    note: "B replays the idempotency key of A's refund: a conflict, not A's refund (the key is checked against the wallet)",
    call: (w, actor) => post("/store/cashless/me/refunds", { amount: 100, idempotency_key: actor === "customer B" ? w.a.refund_key : key("my-refund") }),
  },
  {
    op: "POST /store/cashless/me/cards/claim", family: "store-me", ok: 200,
    overrides: { "customer B": 409 },
    note: "A's card, with both factors printed on it: A gets it again (unchanged); B is refused, the card being A's",
    call: (w) => post("/store/cashless/me/cards/claim", { qr_token: w.a.card.qr_token, printed_number: w.a.card.printed_number }),
  },
  {
    op: "POST /store/cashless/me/carts/:id/wallet-credit", family: "store-me", ok: 200,
    overrides: { "customer B": 404 },
    note: "A's cart: only A may pay it with A's wallet",
    call: (w) => post(`/store/cashless/me/carts/${w.a.cart_id}/wallet-credit`, { amount: 100 }),
  },
  {
    op: "DELETE /store/cashless/me/carts/:id/wallet-credit", family: "store-me", ok: 200,
    overrides: { "customer B": 404 },
    note: "A's cart",
    call: (w) => ({ method: "DELETE", url: `/store/cashless/me/carts/${w.a.cart_id}/wallet-credit` }),
  },

  // ── Store: by QR token (whoever holds the card) ─────────────────────────
  {
    op: "GET /store/cashless/qr/:token", family: "store-public", ok: 200,
    note: "the QR code printed on A's card: status and balances for whoever scans it, never the holder, UID or printed number",
    call: (w) => get(`/store/cashless/qr/${w.a.card.qr_token}`),
    allowedToSee: { ids: () => [], balances: true, why: "the card's balances are what its QR code shows (docs/cards.md)" },
  },
  {
    op: "GET /store/cashless/tickets/:secret", family: "store-public", ok: 200,
    note: "A's e-ticket by its secret (the link in A's e-mail, the QR at the door): whoever holds the secret holds the ticket",
    call: (w) => get(`/store/cashless/tickets/${w.a.ticket.secret}`),
    allowedToSee: { ids: (w) => [w.a.ticket.id], why: "an e-ticket shows its own reference and order to whoever holds its secret (docs/tickets.md)" },
  },
  {
    op: "GET /store/cashless/qr/:token/membership", family: "store-public", ok: 200,
    call: (w) => get(`/store/cashless/qr/${w.a.card.qr_token}/membership`),
  },
  {
    op: "POST /store/cashless/top-ups", family: "store-public", ok: 201,
    overrides: { "customer B": 404 },
    note: "a top-up of A's card by its QR code in the caller's own new cart (anyone may give money to a card); B tries a top-up of B's own wallet in A's cart, which A's checkout would pay",
    call: async (w, actor) =>
      actor === "customer B"
        ? post("/store/cashless/top-ups", { cart_id: w.a.cart_id, amount: 500 })
        : post("/store/cashless/top-ups", { cart_id: await w.guestCart(), amount: 500, qr_token: w.a.card.qr_token }),
    allowedToSee: { ids: (w) => [w.a.card.id], why: "the cart line names the card it credits by its internal id, which opens nothing without staff rights" },
  },
  // Last: A's card stays lost for whatever would come after (one card per customer here).
  {
    op: "POST /store/cashless/me/cards/:id/lost", family: "store-me", ok: 200,
    overrides: { "customer B": 404 },
    note: "A's card: only its holder may declare it lost",
    call: (w) => post(`/store/cashless/me/cards/${w.a.card.id}/lost`, { reason: "matrix" }),
  },
]

