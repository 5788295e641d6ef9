export type AssetKind = "fiat" | "gift"

export type AssetRecord = {
  id: string
  code: string
  name: string
  kind: AssetKind
  currency_code: string
  spend_priority: number
}

export type AssetConfig = Omit<AssetRecord, "id">

/** Where money enters and leaves the wallets. */
export const CREDIT_SOURCES = ["online_payments", "cash_drawer", "card_terminal"] as const
export type CreditSource = (typeof CREDIT_SOURCES)[number]
export const GIFT_ISSUANCE = "gift_issuance"
export const ADJUSTMENTS = "adjustments"
export const revenueAccount = (pointOfSale: string) => `revenue:${pointOfSale}`

export type EntryKind = "credit" | "gift" | "spend" | "transfer" | "adjustment" | "reversal" | "fusion" | "refund" | "close_out"

type Request = {
  idempotency_key: string
  actor?: string | null
  external_ref?: string | null
}

export type CreditInput = Request & {
  wallet_id: string
  asset_code: string
  amount: number
  source: CreditSource
}

export type GiftInput = Request & { wallet_id: string; asset_code: string; amount: number; reason: string }

export type SpendInput = Request & {
  wallet_id: string
  currency_code: string
  amount: number
  point_of_sale: string
}

export type TransferInput = Request & {
  from_wallet_id: string
  to_wallet_id: string
  asset_code: string
  amount: number
  reason?: string | null
}

/**
 * Refundable money leaves a wallet to where it came from: back to the online payments it was
 * paid with, or out of a till's cash drawer. Gift credit is never refunded.
 */
export type RefundInput = Request & {
  wallet_id: string
  asset_code: string
  amount: number
  destination: CreditSource
  reason?: string | null
}

/** Money that came into wallets from one external account, one row per entry still standing. */
export type SourceCredit = {
  entry_id: string
  wallet_id: string
  asset_code: string
  amount: number
  external_ref: string | null
  created_at: string
}

/** One wallet posting of an entry found by its external reference; `amount` signed for the wallet. */
export type RefEntry = SourceCredit & { kind: EntryKind }

export type AdjustInput = Request & { wallet_id: string; asset_code: string; amount: number; reason: string }

export type ReverseInput = Request & { entry_id: string; reason: string }

/**
 * A wallet given up (a card handed back and voided): its refundable money of `currency_code`
 * leaves to `destination`, its gift credit goes back where it was issued from. Refused when it
 * holds refundable money of another currency, which this destination cannot pay out.
 */
export type CloseOutInput = Request & { wallet_id: string; currency_code: string; destination: CreditSource; reason: string }

/** Every balance of one wallet into another (a card's anonymous wallet into its new holder's). */
export type MergeInput = Request & { from_wallet_id: string; to_wallet_id: string; reason?: string | null }

export type PostingView = {
  id: string
  account_id: string
  wallet_id: string | null
  system_code: string | null
  asset_code: string
  amount: number
  sequence: number | null
  balance_after: number | null
}

export type EntryView = {
  id: string
  kind: EntryKind
  idempotency_key: string
  external_ref: string | null
  actor: string | null
  reason: string | null
  reverses_id: string | null
  created_at: string
  hash: string
}

export type EntryResult = {
  entry: EntryView
  postings: PostingView[]
  /** Balance of every wallet account touched, after the entry: wallet id → asset code → cents. */
  balances: Record<string, Record<string, number>>
  /** True when this answer is the stored result of an earlier request with the same key. */
  replayed: boolean
}

export type WalletBalance = { asset_code: string; kind: AssetKind; currency_code: string; balance: number }

export type HistoryItem = PostingView & {
  entry_id: string
  kind: EntryKind
  external_ref: string | null
  reason: string | null
  reverses_id: string | null
  created_at: string
}

export type VerifyIssue = { table: string; id: string; problem: string }

export type VerifyReport = {
  ok: boolean
  checked: { entries: number; postings: number; accounts: number }
  issues: VerifyIssue[]
  duration_ms: number
}
