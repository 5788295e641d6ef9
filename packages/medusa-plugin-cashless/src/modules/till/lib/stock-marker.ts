import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { raw } from "../../../lib/sql"

/**
 * Where a sale's stock stands (workflows/till/sale-stock.ts takes it):
 * - `null`: not taken yet;
 * - `claimed`: one projection is taking it — or died doing so;
 * - `applied`: taken (nothing, when none of its lines is stock-managed);
 * - `no_location`: its sales channel has no stock location, so nothing was taken;
 * - `in_doubt`: a claim was found unfinished; the decrement may or may not have happened and is
 *   never tried again (at most once), so an operator checks these against a count;
 * - `predates`: projected before the till took stock; never taken.
 */
export type SaleStockStatus = "claimed" | "applied" | "no_location" | "in_doubt" | "predates"

/** One inventory level a sale took from, in the inventory item's units. */
export type StockMove = { inventory_item_id: string; location_id: string; quantity: number }

/**
 * Moves a sale's stock marker from one of `from` to `to` in one statement (compare and set), so
 * of two projections only one ever claims a sale's stock, whatever the locks did. False when the
 * marker was not in `from`. `moves` are kept when not given.
 */
export async function setSaleStock(
  trx: Knex,
  saleId: string,
  from: Array<SaleStockStatus | null>,
  to: SaleStockStatus | null,
  moves?: StockMove[]
): Promise<boolean> {
  const statuses = from.filter((s): s is SaleStockStatus => s !== null)
  const among = [...(statuses.length ? ["stock_status = any(?)"] : []), ...(from.includes(null) ? ["stock_status is null"] : [])]
  if (!among.length) return false
  const { rows } = await raw(
    trx,
    `update cashless_sale set stock_status = ?, stock_moves = coalesce(?::jsonb, stock_moves), updated_at = now()
      where id = ? and (${among.join(" or ")}) returning id`,
    [to, moves ? JSON.stringify(moves) : null, saleId, ...(statuses.length ? [statuses] : [])]
  )
  return rows.length > 0
}
