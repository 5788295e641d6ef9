import type { MedusaContainer } from "@medusajs/framework/types"
import { CARD_MODULE } from "../../../../modules/card"
import type CardModuleService from "../../../../modules/card/service"
import type { SaleRow } from "../../../../modules/till/lib/till-store"
import type { SaleTender } from "../../../../workflows/till/sale-types"
import { cardView, cardViews } from "../cards/card-view"

/**
 * The answer of a sale is its receipt: lines, VAT, tenders, and for the card tapped its holder,
 * new balances and membership status (what the cashier reads out); other cards that paid show
 * their new balances.
 */
export async function receiptOf(scope: MedusaContainer, sale: SaleRow, replayed: boolean) {
  const cards = scope.resolve<CardModuleService>(CARD_MODULE)
  const tenderCards = [...new Set((sale.tenders as SaleTender[]).map((t) => t.card_id).filter((id): id is string => !!id))]
  const primary = sale.card_id ? await cardView(scope, await cards.retrieveCard(sale.card_id)) : null
  const others = tenderCards.filter((id) => id !== sale.card_id)
  return {
    sale: {
      id: sale.id,
      point_of_sale_id: sale.point_of_sale_id,
      session_id: sale.session_id,
      status: sale.status,
      currency_code: sale.currency_code,
      total: Number(sale.total),
      tax_total: Number(sale.tax_total),
      lines: sale.lines,
      tenders: sale.tenders,
      sold_by: sale.sold_by,
      created_at: new Date(sale.created_at).toISOString(),
      replayed,
    },
    card: primary,
    other_cards: others.length ? await cardViews(scope, await Promise.all(others.map((id) => cards.retrieveCard(id)))) : [],
  }
}
