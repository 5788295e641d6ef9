/** Shapes of the till routes (`/admin/cashless/tills/…`, card lookup) as the till screen reads them. */
import type { CardRecord } from "../../modules/card/types"
import type { MembershipCheck } from "../../modules/membership/types"
import type { TicketZ } from "../../modules/till/lib/ticket-z"
import type { WalletBalance } from "../../modules/wallet/types"
import type { SaleLine } from "../../lib/till-prices"
import type { SaleTender, TenderKind } from "../../workflows/till/sale-types"

export type { MembershipCheck, SaleLine, SaleTender, TenderKind, TicketZ, WalletBalance }

export type PointOfSale = {
  id: string
  name: string
  currency_code: string
  country_code: string
  tenders: TenderKind[]
  archived_at: string | null
}

export type TillSession = {
  id: string
  point_of_sale_id: string
  currency_code: string
  opened_by: string
  opening_float: number
  opened_at: string
  status: "open" | "closed"
}

/** `GET /admin/cashless/tills/:pos_id/catalog`: the grid, at public prices (VAT included, minor units). */
export type TillCatalog = {
  point_of_sale: { id: string; name: string; currency_code: string; country_code: string; tenders: TenderKind[] }
  categories: Array<{ id: string; name: string }>
  products: Array<{
    id: string
    title: string
    thumbnail: string | null
    category_ids: string[]
    variants: Array<{ id: string; title: string; unit_price: number; tax_rate: number; membership_plan: { id: string; name: string } | null }>
  }>
}

/** A card as staff see it after a tap or a lookup (`cardView`). */
export type TillCard = CardRecord & {
  qr_url: string
  holder: { id: string; email: string | null; name: string | null } | null
  balances: WalletBalance[]
  membership?: MembershipCheck
}

export type SaleTenderInput = { kind: TenderKind; amount: number; card_uid?: string }

export type SaleBody = {
  idempotency_key: string
  card_uid?: string
  lines: Array<{ variant_id: string; quantity: number }>
  tenders?: SaleTenderInput[]
}

/** The answer of a sale (201, or 200 for a replay). */
export type SaleReceipt = {
  sale: {
    id: string
    point_of_sale_id: string
    session_id: string
    status: "completed" | "voided"
    currency_code: string
    total: number
    tax_total: number
    lines: SaleLine[]
    tenders: SaleTender[]
    sold_by: string
    created_at: string
    replayed: boolean
  }
  card: TillCard | null
  other_cards: TillCard[]
}

/** 402: the wallet cannot pay the whole sale; nothing was written. */
export type WalletShortBody = {
  code: "wallet_short"
  message: string
  total: number
  balance: number
  short_by: number
  currency_code: string
  card: string
}

/** A top-up, a cash refund or a card handed back. */
export type MovementReceipt = {
  movement: {
    id: string
    kind: "top_up" | "refund" | "void"
    tender: "cash" | "card_terminal"
    currency_code: string
    amount: number
    details: { card_name: string; forfeited: Array<{ asset_code: string; amount: number }>; memberships_ended: string[]; holder: unknown } | null
    created_at: string
    replayed: boolean
  }
  card: TillCard
}

export type ClosedSession = TillSession & { ticket_z: TicketZ }
