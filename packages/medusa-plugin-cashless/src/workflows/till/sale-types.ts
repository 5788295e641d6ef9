import type { SaleLine } from "../../lib/till-prices"

/** Emitted once a till sale is recorded (or answered again): its Medusa order is made from it. */
export const TILL_SALE_RECORDED = "cashless.till_sale.recorded"

export const TENDER_KINDS = ["wallet", "cash", "card_terminal"] as const
export type TenderKind = (typeof TENDER_KINDS)[number]

/** How the cashier says a sale is paid: a card's wallet (by its UID), cash, an external card terminal. */
export type TenderInput = { kind: TenderKind; amount: number; card_uid?: string | null }

export type SellInput = {
  point_of_sale_id: string
  idempotency_key: string
  lines: Array<{ variant_id: string; quantity: number }>
  /** The card tapped: pays the whole sale from its wallet when no tenders are given. */
  card_uid?: string | null
  tenders?: TenderInput[] | null
  sold_by: string
}

/** A tender as recorded on the sale; wallet tenders carry their card, wallet and ledger entry. */
export type SaleTender = { kind: TenderKind; amount: number; card_id?: string; card_name?: string; wallet_id?: string; entry_id?: string }

export type PreparedSale = {
  sale_id: string
  request_hash: string
  replay: boolean
  point_of_sale: { id: string; name: string; sales_channel_id: string; currency_code: string }
  session_id: string
  currency_code: string
  lines: SaleLine[]
  total: number
  tax_total: number
  tenders: SaleTender[]
  card_id: string | null
  customer_id: string | null
  /** The tapped card's wallet: an anonymous card's memberships belong to it. */
  holder_wallet_id: string | null
  /** Variants of the basket that sell a membership plan → the plan. */
  plan_lines: Record<string, string> | null
}
