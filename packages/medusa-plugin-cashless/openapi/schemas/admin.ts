import { z } from "@medusajs/framework/zod"
import { Balance, CardStatus } from "./common"
import { MembershipCheck } from "./memberships"
import { Refund } from "./refunds"
import { component, isoDate, minor, nullableDate } from "./registry"

/*
 * Staff answers. The objects staff pages read field by field are closed (wallet, staff, status);
 * the larger ones (card view, sale receipt, Ticket Z, plans) name the fields a client relies on
 * and stay open to the rest, which types/http and the module types describe in full.
 */

const id = z.string()
const list = <T extends z.ZodType>(key: string, item: T, paged = false) =>
  z.strictObject({
    [key]: z.array(item),
    ...(paged ? { count: z.number().int(), limit: z.number().int().optional(), offset: z.number().int().optional() } : {}),
  })
const answer = <T extends z.ZodType>(key: string, item: T) => z.strictObject({ [key]: item })

/** api/admin/cashless/wallets/wallet-view.ts */
export const Wallet = component(
  "Wallet",
  z.strictObject({
    id,
    label: z.string().nullable(),
    created_at: nullableDate,
    customer: z.strictObject({ id, email: z.string().nullable(), name: z.string().nullable() }).nullable(),
    balances: z.array(Balance),
  })
)
export const WalletAnswer = component("WalletAnswer", answer("wallet", Wallet))
export const NullableWalletAnswer = component("NullableWalletAnswer", answer("wallet", Wallet.nullable()))
export const WalletList = component("WalletList", list("wallets", Wallet, true))

/** A ledger entry as the money routes answer it. */
export const EntryAnswer = component("EntryAnswer", z.looseObject({ entry: z.looseObject({ id, kind: z.string() }) }))
export const History = component("History", z.looseObject({ items: z.array(z.looseObject({ entry_id: id, amount: minor })) }))
export const RefundList = component("RefundList", list("refunds", Refund))
export const TopUpPayments = component("TopUpPayments", z.looseObject({}))
export const VerifyReport = component("VerifyReport", z.looseObject({ ok: z.boolean() }))
export const Assets = component("Assets", list("assets", z.looseObject({ code: z.string(), kind: z.string(), currency_code: z.string() })))

/** types/http/till.ts `TillCard`: the card with its holder and balances, as staff see it. */
export const AdminCard = component(
  "AdminCard",
  z.looseObject({
    id,
    uid: z.string(),
    printed_number: z.string().nullable(),
    status: CardStatus,
    wallet_id: z.string().nullable(),
    customer_id: z.string().nullable(),
    qr_url: z.string(),
    holder: z.looseObject({ id }).nullable(),
    balances: z.array(Balance),
  })
)
export const CardAnswer = component("CardAnswer", z.looseObject({ card: AdminCard }))
export const CardList = component("CardList", list("cards", AdminCard, true))
export const CardBatches = component("CardBatches", list("batches", z.looseObject({ id, name: z.string() })))
export const CardImport = component("CardImport", z.looseObject({ import: z.looseObject({ id }) }))
export const CardWithEvents = component("CardWithEvents", z.strictObject({ card: AdminCard, events: z.array(z.looseObject({})) }))

export const Plan = component("Plan", z.looseObject({ id, name: z.string() }))
export const PlanAnswer = component("PlanAnswer", answer("plan", Plan))
export const PlanList = component("PlanList", z.looseObject({}))
export const AdminMembership = component("AdminMembership", z.looseObject({ id, state: z.string() }))
export const MembershipAnswer = component("MembershipAnswer", z.looseObject({ membership: AdminMembership }))
export const MembershipList = component("MembershipList", list("memberships", AdminMembership, true))
export const MembershipCheckAnswer = component("MembershipCheckAnswer", z.looseObject({ membership: MembershipCheck }))
export const CustomerMemberships = component(
  "CustomerMemberships",
  z.strictObject({ membership: MembershipCheck, memberships: z.array(AdminMembership) })
)
export const MembershipImport = component("MembershipImport", answer("import", z.looseObject({})))

/** types/http/points-of-sale.ts */
export const PointOfSale = component(
  "PointOfSale",
  z.strictObject({
    id,
    name: z.string(),
    sales_channel_id: z.string(),
    currency_code: z.string(),
    country_code: z.string(),
    category_ids: z.array(z.string()).nullable(),
    collection_ids: z.array(z.string()).nullable(),
    tenders: z.array(z.enum(["wallet", "cash", "card_terminal"])),
    archived_at: nullableDate,
    created_at: isoDate,
    updated_at: isoDate,
    /** Sent by the routes although types/http/points-of-sale.ts leaves it out (found by the contract test). */
    deleted_at: nullableDate,
  })
)
export const TillSession = component(
  "TillSession",
  z.looseObject({ id, point_of_sale_id: id, currency_code: z.string(), opening_float: minor, opened_at: isoDate, status: z.enum(["open", "closed"]) })
)
export const PointOfSaleAnswer = component("PointOfSaleAnswer", answer("point_of_sale", PointOfSale))
export const PointOfSaleDetail = component("PointOfSaleDetail", z.strictObject({ point_of_sale: PointOfSale, session: TillSession.nullable() }))
export const PointOfSaleList = component(
  "PointOfSaleList",
  list("points_of_sale", PointOfSale.extend({ open_session: TillSession.nullable() }))
)
export const SessionAnswer = component("SessionAnswer", answer("session", TillSession.nullable()))
/** A row of the session list (modules/till/lib/till-store.ts `SessionSummary`): no point of sale id. */
const SessionSummary = z.looseObject({ id, status: z.enum(["open", "closed"]), currency_code: z.string(), opening_float: minor, opened_at: isoDate })
export const SessionList = component("SessionList", list("sessions", SessionSummary, true))
export const TicketZAnswer = component("TicketZAnswer", answer("ticket_z", z.looseObject({})))
export const TillCatalog = component(
  "TillCatalog",
  z.strictObject({
    point_of_sale: z.looseObject({ id, name: z.string() }),
    categories: z.array(z.strictObject({ id, name: z.string() })),
    products: z.array(z.looseObject({ id, title: z.string(), variants: z.array(z.looseObject({ id, unit_price: minor })) })),
  })
)
/** types/http/till.ts `SaleReceipt`. */
export const SaleReceipt = component(
  "SaleReceipt",
  z.strictObject({
    sale: z.looseObject({ id, status: z.enum(["completed", "voided"]), total: minor, tax_total: minor, replayed: z.boolean() }),
    card: AdminCard.nullable(),
    other_cards: z.array(AdminCard),
  })
)
export const MovementReceipt = component(
  "MovementReceipt",
  z.strictObject({ movement: z.looseObject({ id, kind: z.enum(["top_up", "refund", "void"]), amount: minor, replayed: z.boolean() }), card: AdminCard })
)

/** types/http/staff.ts */
const StaffRole = z.enum(["cashier", "manager", "admin"])
export const StaffMe = component(
  "StaffMe",
  z.strictObject({ user_id: id, role: StaffRole.nullable(), named_role: StaffRole.nullable(), bootstrap: z.boolean(), point_of_sale_ids: z.array(z.string()) })
)
export const StaffMember = component(
  "StaffMember",
  z.strictObject({
    user_id: id,
    email: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    role: StaffRole.nullable(),
    point_of_sale_ids: z.array(z.string()),
  })
)
export const StaffList = component("StaffList", z.strictObject({ staff: z.array(StaffMember), me: StaffMe, bootstrap: z.boolean() }))
export const StaffAnswer = component("StaffAnswer", answer("staff", StaffMember))
export const StaffMeAnswer = component("StaffMeAnswer", z.looseObject({ me: StaffMe }))

export const Ping = component("Ping", z.strictObject({ ok: z.literal(true), time: isoDate }))
/** types/http/status.ts `CashlessStatusResponse`. */
export const Status = component(
  "Status",
  z.strictObject({
    plugin: z.strictObject({ name: z.string(), version: z.string() }),
    infrastructure: z.strictObject({
      event_bus: z.string(),
      workflow_engine: z.string(),
      locking: z.string(),
    }),
    database: z.looseObject({ engine: z.literal("postgres"), name: z.string() }),
    worker_mode: z.string(),
    node_version: z.string(),
    checked_at: isoDate,
  })
)
export const Report = component("Report", z.looseObject({}))
