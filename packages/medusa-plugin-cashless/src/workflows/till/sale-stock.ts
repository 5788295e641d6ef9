import type { IInventoryService, InventoryLevelDTO, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { SaleLine } from "../../lib/till-prices"
import { stockMoves, stockNeeds, type StockVariant } from "../../lib/till-stock-plan"
import { type SaleStockStatus, type StockMove, TILL_MODULE } from "../../modules/till"
import type TillModuleService from "../../modules/till/service"

type Locking = { execute<T>(keys: string | string[], job: () => Promise<T>, args?: { timeout?: number }): Promise<T> }
type StockSale = { id: string; lines: SaleLine[]; stock_status: SaleStockStatus | null }

/**
 * Takes a till sale's goods out of Medusa's inventory, once. The goods left the counter, so a
 * short stock never stops it: the stocked quantity goes below zero (Medusa allows it, and a
 * clamp would make the next delivery count wrong).
 *
 * Which stock: each stock-managed line takes each inventory item of its variant × that item's
 * required quantity × the line's quantity (a kit takes each of its parts). Where: the stock
 * locations of the point of sale's sales channel, by id; an item comes from the first that
 * stocks it, or from the first of all (a level is opened there, below zero: the bar sold what
 * it was never given). A channel without a stock location takes nothing and says so once.
 *
 * Once: the till's sale row and Medusa's inventory are not one transaction, so the sale's
 * `stock_status` is claimed (compare and set) before the inventory is written and settled
 * after. All of the sale's levels are written in one inventory transaction (updateInventoryLevels,
 * not adjustInventory, which commits each level apart: a failure half-way could not be told
 * from none), under Medusa's inventory item locks, which its own adjust and reserve steps take
 * (so the read-then-write of a level is safe, as it is in theirs). A write that fails leaves
 * the levels as they were; it is checked, the claim given back and the next projection tries
 * again. What remains is a process dying between the claim and the settlement: the next
 * projection finds the claim and marks the sale `in_doubt` instead of taking the stock again.
 * At most once, then, and never silently: a sale taken twice would hide in the count, a sale
 * in doubt is listed (`stock_status = 'in_doubt'`, its moves kept) for a manager to check.
 */
export async function takeSaleStock(container: MedusaContainer, sale: StockSale, salesChannelId: string | null | undefined): Promise<void> {
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  if (sale.stock_status === "claimed") {
    // The sale's lock keeps live projections apart, so a claim seen here is one that died.
    if (await till.setSaleStock(sale.id, ["claimed"], "in_doubt")) {
      logger.warn(`cashless: the stock of till sale ${sale.id} is in doubt (a projection stopped while taking it): check its stock_moves against a count`)
    }
    return
  }
  if (sale.stock_status) return
  const needs = await needsOf(container, sale.lines)
  if (!needs.size) {
    await till.setSaleStock(sale.id, [null], "applied", [])
    return
  }
  const locations = salesChannelId ? await channelLocations(container, salesChannelId) : []
  if (!locations.length) {
    if (await till.setSaleStock(sale.id, [null], "no_location")) {
      logger.warn(`cashless: till sale ${sale.id} sold stock-managed goods but sales channel ${salesChannelId} has no stock location: inventory left as it was`)
    }
    return
  }
  const items = [...needs.keys()].sort()
  const locking = container.resolve<Locking>(Modules.LOCKING)
  await locking.execute(items, () => takeLocked(container, sale.id, needs, locations), { timeout: 30 })
}

/** How many of each inventory item the sale's stock-managed lines took (lib/till-stock-plan.ts). */
async function needsOf(container: MedusaContainer, lines: SaleLine[]): Promise<Map<string, number>> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: [...new Set(lines.map((l) => l.variant_id))] },
  })
  return stockNeeds(lines, data as StockVariant[])
}

/** The stock locations of a sales channel. */
async function channelLocations(container: MedusaContainer, salesChannelId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: salesChannelId } })
  return ((data[0] as { stock_locations?: Array<{ id: string } | null> } | undefined)?.stock_locations ?? []).flatMap((l) => (l?.id ? [l.id] : []))
}

const levelOf = (levels: InventoryLevelDTO[], move: StockMove) =>
  levels.find((l) => l.inventory_item_id === move.inventory_item_id && l.location_id === move.location_id)

async function takeLocked(container: MedusaContainer, saleId: string, needs: Map<string, number>, locations: string[]): Promise<void> {
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const items = [...needs.keys()].sort()
  const levels = await inventory.listInventoryLevels({ inventory_item_id: items, location_id: locations })
  const moves = stockMoves(needs, locations, levels)
  const unstocked = moves.filter((m) => !levelOf(levels, m))
  if (unstocked.length) {
    // Opened before the claim: an empty level is harmless if what follows fails, and reused.
    levels.push(...(await inventory.createInventoryLevels(unstocked.map((m) => ({ inventory_item_id: m.inventory_item_id, location_id: m.location_id, stocked_quantity: 0 })))))
  }
  if (!(await till.setSaleStock(saleId, [null], "claimed", moves))) return
  const before = moves.map((m) => Number(levelOf(levels, m)!.stocked_quantity))
  try {
    await inventory.updateInventoryLevels(
      moves.map((m, i) => ({ inventory_item_id: m.inventory_item_id, location_id: m.location_id, stocked_quantity: before[i] - m.quantity }))
    )
  } catch (err) {
    await releaseIfUntouched(container, saleId, moves, before)
    throw err
  }
  await till.setSaleStock(saleId, ["claimed", "in_doubt"], "applied")
}

/**
 * After a failed write, the claim is given back only when every level still holds what it held
 * before: then nothing was taken and the next projection may try again. Anything else (a write
 * that committed but answered an error, a level changed meanwhile) keeps the claim, which the
 * next projection turns into `in_doubt`.
 */
async function releaseIfUntouched(container: MedusaContainer, saleId: string, moves: StockMove[], before: number[]): Promise<void> {
  try {
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const now = await inventory.listInventoryLevels({
      inventory_item_id: moves.map((m) => m.inventory_item_id),
      location_id: [...new Set(moves.map((m) => m.location_id))],
    })
    if (moves.every((m, i) => Number(levelOf(now, m)?.stocked_quantity) === before[i])) {
      await container.resolve<TillModuleService>(TILL_MODULE).setSaleStock(saleId, ["claimed"], null)
    }
  } catch {
    // The database is out of reach: the claim stays, and with it the doubt.
  }
}
