import type { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { ticketVariants } from "./ticket-variants"

const when = (iso: string) => new Date(iso).toISOString().slice(0, 10)

/**
 * Refuses tickets a cart cannot have, in words the shopper can act on, before Medusa's own
 * inventory check would refuse them with a generic one: an archived (closed) event, an event that
 * is over, or more tickets than places left. `items` is what the cart would hold: all its ticket
 * lines, the new ones included. Medusa's reservation at checkout stays the guard under races.
 */
export async function refuseTicketsBeyondCapacity(
  container: MedusaContainer,
  items: Array<{ variant_id?: string | null; quantity?: unknown }>,
  now = new Date()
): Promise<void> {
  const events = await ticketVariants(container, items.map((i) => i.variant_id ?? "").filter(Boolean))
  if (!events.size) return
  const wanted = new Map<string, number>()
  for (const i of items) {
    const event = i.variant_id ? events.get(i.variant_id) : undefined
    if (event) wanted.set(event.id, (wanted.get(event.id) ?? 0) + Number(i.quantity ?? 1))
  }
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  for (const event of new Map([...events.values()].map((e) => [e.id, e])).values()) {
    if (event.archived_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Ticket sales for "${event.name}" are closed.`)
    }
    const over = event.ends_at ?? event.starts_at
    if (Date.parse(over) < now.getTime()) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `"${event.name}" took place on ${when(event.starts_at)}: its tickets are no longer sold.`)
    }
    if (!event.inventory_item_id || !event.stock_location_id) continue
    const left = Number(await inventory.retrieveAvailableQuantity(event.inventory_item_id, [event.stock_location_id]))
    const asked = wanted.get(event.id) ?? 0
    if (asked <= left) continue
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      left <= 0
        ? `"${event.name}" is sold out: no ticket is left.`
        : `Only ${left} ticket${left === 1 ? " is" : "s are"} left for "${event.name}": you asked for ${asked}.`
    )
  }
}
