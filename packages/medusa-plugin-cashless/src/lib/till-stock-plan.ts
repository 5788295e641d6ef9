import type { StockMove } from "../modules/till"

/** A product variant as the till's stock needs it: its flag and its inventory items (a kit has several). */
export type StockVariant = {
  id: string
  manage_inventory: boolean | null
  inventory_items?: Array<{ inventory_item_id: string; required_quantity: number | null } | null> | null
}

/**
 * How many of each inventory item a sale's lines take: each stock-managed line takes each item
 * of its variant × the item's required quantity × the line's quantity. A variant not managed, or
 * gone since the sale, takes nothing.
 */
export function stockNeeds(lines: Array<{ variant_id: string; quantity: number }>, variants: StockVariant[]): Map<string, number> {
  const byId = new Map(variants.map((v) => [v.id, v]))
  const needs = new Map<string, number>()
  for (const line of lines) {
    const variant = byId.get(line.variant_id)
    if (!variant?.manage_inventory) continue
    for (const link of variant.inventory_items ?? []) {
      if (!link?.inventory_item_id) continue
      needs.set(link.inventory_item_id, (needs.get(link.inventory_item_id) ?? 0) + line.quantity * Number(link.required_quantity ?? 1))
    }
  }
  return needs
}

/**
 * Where each needed item is taken from, among the sales channel's stock locations: the first, by
 * id, that has a level for it, else the first of all (its level is then opened there). By id so
 * that the choice never depends on the order a query answers in. Items come out sorted by id.
 */
export function stockMoves(
  needs: Map<string, number>,
  locationIds: string[],
  levels: Array<{ inventory_item_id: string; location_id: string }>
): StockMove[] {
  const locations = [...new Set(locationIds)].sort()
  if (!locations.length) return []
  const stocked = new Set(levels.map((l) => `${l.inventory_item_id} ${l.location_id}`))
  return [...needs.keys()].sort().map((id) => ({
    inventory_item_id: id,
    location_id: locations.find((loc) => stocked.has(`${id} ${loc}`)) ?? locations[0],
    quantity: needs.get(id)!,
  }))
}
