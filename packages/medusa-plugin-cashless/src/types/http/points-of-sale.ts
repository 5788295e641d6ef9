/**
 * Shapes of the point-of-sale routes (`/admin/cashless/points-of-sale…`) and of a till's session
 * list (`GET /admin/cashless/tills/:pos_id/sessions`), as the admin pages receive them. Amounts
 * are integer minor units of the point of sale's currency; dates are ISO strings.
 */
import type { SessionRow, SessionSummary } from "../../modules/till/lib/till-store"

/** The server's TENDER_KINDS (workflows/till/sale-types.ts), spelled out so the admin bundle needs no workflow code. */
export type TenderKind = "wallet" | "cash" | "card_terminal"

export type PointOfSale = {
  id: string
  name: string
  sales_channel_id: string
  currency_code: string
  country_code: string
  /** Null or empty: every published product of the sales channel. */
  category_ids: string[] | null
  collection_ids: string[] | null
  tenders: TenderKind[]
  archived_at: string | null
  created_at: string
  updated_at: string
}

/** A till session as the routes answer it (open, or closed with its counted cash). */
export type TillSession = SessionRow

/** A row of a till's session list: expected cash and difference come from its Ticket Z, null while open. */
export type TillSessionSummary = SessionSummary

export type PointOfSaleListItem = PointOfSale & { open_session: TillSession | null }

export type PointOfSaleList = { points_of_sale: PointOfSaleListItem[] }

export type PointOfSaleDetail = { point_of_sale: PointOfSale; session: TillSession | null }

export type TillSessionList = { sessions: TillSessionSummary[]; count: number; limit: number; offset: number }

/** The body of `POST /admin/cashless/points-of-sale` (create); every field is optional to change one. */
export type PointOfSaleBody = {
  name: string
  sales_channel_id: string
  country_code: string
  currency_code: string
  category_ids: string[] | null
  collection_ids: string[] | null
  tenders: TenderKind[]
}

export type PointOfSaleUpdate = Partial<PointOfSaleBody> & { archived?: boolean }
