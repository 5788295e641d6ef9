export type CardStatus = "new" | "active" | "lost" | "blocked" | "voided"

export type CardModuleOptions = {
  /** A tap of a card that is not registered: refuse it (default), or register it (open events). */
  unknownCards?: "refuse" | "register"
  /** May one customer hold several active cards? Default: no. */
  allowMultipleCards?: boolean
  /** Address printed as the card's QR code; `{token}` is replaced by the card's QR token. */
  qrUrl?: string
}

export const DEFAULT_QR_URL = "http://localhost:9000/cashless/card/{token}"

export type CardRecord = {
  id: string
  uid: string
  printed_number: string | null
  qr_token: string
  status: CardStatus
  wallet_id: string | null
  customer_id: string | null
  wallet_generation: number
  batch_id: string | null
  batch_name: string | null
  activated_at: string | null
  bound_at: string | null
  created_at: string
}

/** What `resetCard` changed, for its compensation. */
export type CardResetPrevious = Pick<CardRecord, "status" | "wallet_id" | "customer_id" | "activated_at" | "bound_at" | "wallet_generation">

export type CardEventRecord = {
  id: string
  action: string
  from_status: string | null
  to_status: string
  actor: string | null
  reason: string | null
  data: Record<string, unknown> | null
  created_at: string
}

export type CardImportRecord = {
  id: string
  batch_name: string
  batch_id: string | null
  status: "running" | "succeeded" | "failed"
  total_rows: number
  processed_rows: number
  imported_count: number
  skipped_count: number
  problems: Array<{ line: number; uid: string | null; reason: string }>
  error: string | null
  created_at: string
  finished_at: string | null
}

export type BindInput = {
  /** The card, by id (staff) or by what is printed on it (a customer's claim). */
  card_id?: string
  qr_token?: string
  printed_number?: string
  customer_id: string
  customer_wallet_id: string
  /** Does the customer's wallet hold money? Decided by the caller from the ledger. */
  holder_has_balance: boolean
  actor?: string | null
}

export type BindResult = {
  card: CardRecord
  /** The wallet the card used before (its anonymous wallet): its balances move to the holder. */
  previous_wallet_id: string | null
  /** False when the card was already bound to this customer: nothing changed. */
  changed: boolean
  previous: { status: CardStatus; wallet_id: string | null; customer_id: string | null; bound_at: string | null }
}

export type StatusAction = "lost" | "block" | "unblock"

export type ChangeStatusInput = {
  card_id: string
  action: StatusAction
  reason?: string | null
  actor?: string | null
  /** Set by store routes: the card must be this customer's, or it is "not found". */
  customer_id?: string | null
}

export type ReplaceInput = {
  card_id: string
  new_card_uid: string
  /** For an anonymous card: what is printed on the old card, proving it is the bearer's. */
  printed_number?: string | null
  qr_token?: string | null
  reason?: string | null
  actor?: string | null
}

export type CardFilters = {
  q?: string
  status?: CardStatus
  batch_id?: string
  customer_ids?: string[]
  limit?: number
  offset?: number
}
