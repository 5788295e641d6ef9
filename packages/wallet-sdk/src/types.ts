// The answers of the plugin's store routes, as they are sent. Amounts are integers in minor units
// (cents) with the currency the server gives; a Medusa cart's own totals are in major units.

export type AssetKind = "fiat" | "gift" | "points"

export type Balance = { asset_code: string; kind: AssetKind | string; currency_code: string; balance: number }

/** What a card's QR code may show to whoever scans it: never the holder, UID or printed number. */
export type PublicMembership = { status: "valid" | "expired" | "none"; plan: { name: string } | null; ends_at: string | null }

export type QrCard = {
  status: string
  usable: boolean
  bound: boolean
  balances: Balance[]
  membership: PublicMembership
}

export type MyCard = {
  id: string
  printed_number: string
  status: string
  bound_at: string | null
  balances: Balance[]
}

export type ClaimResult = { card: MyCard; changed: boolean; moved: Array<{ asset_code: string; amount: number }> }

export type MyWallet = { id: string; balances: Balance[] } | null

export type WalletHistoryItem = {
  id: string
  entry_id: string
  kind: string
  asset_code: string
  amount: number
  balance_after: number | null
  created_at: string
  reversal: boolean
}

export type WalletHistory = { items: WalletHistoryItem[]; next_cursor: string | null }

export type CartLine = { id: string; title: string; unit_price: number; quantity: number; metadata: Record<string, unknown> | null }

/** The cart after a top-up was put in it; `total` and `unit_price` are Medusa's major units. */
export type TopUpCart = { id: string; currency_code: string; total: number; items: CartLine[] }

/** The wallet payment on a cart: one credit line of `amount` minor units of `currency_code`. */
export type WalletCredit = { credit_line_id: string; wallet_id: string; amount: number; currency_code: string }

export type MembershipStatus = {
  status: "valid" | "expired" | "none"
  plan: { id: string; name: string; customer_group_id: string | null } | null
  starts_at: string | null
  ends_at: string | null
  upcoming_starts_at: string | null
}

export type MembershipRecord = {
  id: string
  plan: { id: string; name: string }
  state: string
  starts_at: string | null
  ends_at: string | null
  source: string | null
  cancelled_at: string | null
  cancel_reason: string | null
}

export type MyMemberships = { membership: MembershipStatus; memberships: MembershipRecord[] }

export type TicketStatus = "valid" | "checked_in" | "cancelled" | "refunded"

/** An e-ticket as its holder sees it: `page_url` is the printable page whose QR code admits at the door. */
export type Ticket = {
  id: string
  status: TicketStatus
  type_title: string
  holder_name: string | null
  order_id: string
  checked_in_at: string | null
  /** What the QR code carries (inside `page_url`): whoever holds it holds the ticket. */
  secret: string
  page_url: string
  event: { id: string; name: string; venue: string | null; starts_at: string; ends_at: string | null }
}

export type Refundable = { currency_code: string; balance: number; online: number }

export type RefundPart = {
  id: string
  payment_id: string
  order_id: string | null
  amount: number
  status: string
  provider_refund_id: string | null
  error: string | null
}

export type Refund = {
  id: string
  wallet_id: string
  currency_code: string
  amount: number
  refunded_amount: number
  status: "pending" | "succeeded" | "partial" | "failed" | string
  actor: string | null
  reason: string | null
  error: string | null
  created_at: string
  parts: RefundPart[]
  replayed: boolean
}

export type MyRefunds = { refundable: Refundable[]; refunds: Refund[] }

export type RefundAnswer = { refund: Refund; balances: Balance[] }
