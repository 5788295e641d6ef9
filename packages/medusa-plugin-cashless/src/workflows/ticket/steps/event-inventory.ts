import type { IInventoryService, IProductModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TicketError } from "../../../modules/ticket"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, unknown>> }> }
type Link = { create(l: unknown): Promise<unknown>; dismiss(l: unknown): Promise<unknown> }
type VariantRow = {
  id: string
  manage_inventory: boolean | null
  inventory_items?: Array<{ inventory_item_id: string; required_quantity: number | null } | null> | null
}

type Undo = {
  inventory_item_id: string
  /** The item was made by this step (deleted on undo), or is the event's existing one. */
  delete_item: boolean
  variant_ids: string[]
  previous_links: Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>
  unmanaged: string[]
}

const variantLink = (variantId: string, itemId: string) => ({
  [Modules.PRODUCT]: { variant_id: variantId },
  [Modules.INVENTORY]: { inventory_item_id: itemId },
})

/**
 * The event's capacity as one Medusa inventory item, stocked with `capacity` at a stock location
 * of the product's sales channel, drawn on by every ticket type (each variant's only inventory
 * item, one per ticket). Medusa's carts then refuse what is not available and its orders reserve
 * seats, so capacity holds under concurrent checkouts without code of ours on that path.
 */
export const linkEventInventoryStep = createStep(
  "cashless-link-ticket-event-inventory",
  async (input: { event_id: string; name: string; product_id: string; capacity: number; stock_location_id?: string | null }, { container }) => {
    const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "title", "variants.id", "variants.manage_inventory", "variants.inventory_items.inventory_item_id", "variants.inventory_items.required_quantity", "sales_channels.id"],
      filters: { id: input.product_id },
    })
    const product = data[0] as { id: string; title: string; variants?: VariantRow[] | null; sales_channels?: Array<{ id: string } | null> | null } | undefined
    if (!product) throw TicketError.invalid(`Product ${input.product_id} does not exist: an event sells the variants of an existing product.`)
    const variants = product.variants ?? []
    if (!variants.length) throw TicketError.invalid(`Product "${product.title}" has no variant: its variants are the event's ticket types.`)
    let locationId = input.stock_location_id ?? null
    if (!locationId) {
      const channels = (product.sales_channels ?? []).flatMap((c) => (c?.id ? [c.id] : []))
      if (channels.length) {
        const { data: withLocations } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: channels } })
        locationId =
          (withLocations as Array<{ stock_locations?: Array<{ id: string } | null> | null }>).flatMap((c) => c.stock_locations ?? []).find((l) => l?.id)?.id ??
          null
      }
    }
    if (!locationId) {
      throw TicketError.invalid(
        `Product "${product.title}" is sold in no sales channel with a stock location, so its capacity has nowhere to be counted: ` +
          `add a stock location to its sales channel (Settings → Locations & Shipping), or give stock_location_id.`
      )
    }
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const [item] = await inventory.createInventoryItems([
      { title: `Tickets: ${input.name}`, sku: `cashless-tickets-${input.event_id}`, requires_shipping: false },
    ])
    const undo: Undo = { inventory_item_id: item.id, variant_ids: [], previous_links: [], unmanaged: [], delete_item: true }
    try {
      await inventory.createInventoryLevels([{ inventory_item_id: item.id, location_id: locationId, stocked_quantity: input.capacity }])
      await drawOn(container, variants, item.id, undo)
    } catch (err) {
      await restore(container, undo)
      throw err
    }
    return new StepResponse({ inventory_item_id: item.id, stock_location_id: locationId }, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (undo) await restore(container, undo)
  }
)

/**
 * A ticket type added to the event's product after the event was made draws on the event's
 * capacity too (else it would sell beyond it, or not at all with an empty item of its own).
 */
export const linkNewTicketTypesStep = createStep(
  "cashless-link-new-ticket-types",
  async (input: { product_id: string; inventory_item_id: string | null }, { container }) => {
    if (!input.inventory_item_id) return new StepResponse(0, undefined as Undo | undefined)
    const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "variants.id", "variants.manage_inventory", "variants.inventory_items.inventory_item_id", "variants.inventory_items.required_quantity"],
      filters: { id: input.product_id },
    })
    const variants = ((data[0] as { variants?: VariantRow[] | null } | undefined)?.variants ?? []).filter(
      (v) => !(v.inventory_items ?? []).some((l) => l?.inventory_item_id === input.inventory_item_id)
    )
    if (!variants.length) return new StepResponse(0, undefined as Undo | undefined)
    const undo: Undo = { inventory_item_id: input.inventory_item_id, variant_ids: [], previous_links: [], unmanaged: [], delete_item: false }
    try {
      await drawOn(container, variants, input.inventory_item_id, undo)
    } catch (err) {
      await restore(container, undo)
      throw err
    }
    return new StepResponse(variants.length, undo as Undo | undefined)
  },
  async (undo: Undo | undefined, { container }) => {
    if (undo) await restore(container, undo)
  }
)

/** Each variant's own inventory links replaced by one to the event's item; recorded in `undo` as it goes. */
async function drawOn(container: { resolve<T>(key: string): T }, variants: VariantRow[], itemId: string, undo: Undo) {
  const link = container.resolve<Link>(ContainerRegistrationKeys.LINK)
  for (const v of variants) {
    for (const l of v.inventory_items ?? []) {
      if (!l) continue
      undo.previous_links.push({ variant_id: v.id, inventory_item_id: l.inventory_item_id, required_quantity: l.required_quantity ?? 1 })
      await link.dismiss(variantLink(v.id, l.inventory_item_id))
    }
    await link.create({ ...variantLink(v.id, itemId), data: { required_quantity: 1 } })
    undo.variant_ids.push(v.id)
    if (!v.manage_inventory) undo.unmanaged.push(v.id)
  }
  if (undo.unmanaged.length) {
    await container.resolve<IProductModuleService>(Modules.PRODUCT).updateProductVariants({ id: undo.unmanaged }, { manage_inventory: true })
  }
}

async function restore(container: { resolve<T>(key: string): T }, undo: Undo) {
  const link = container.resolve<Link>(ContainerRegistrationKeys.LINK)
  for (const id of undo.variant_ids) await link.dismiss(variantLink(id, undo.inventory_item_id)).catch(() => undefined)
  for (const p of undo.previous_links) await link.create({ ...variantLink(p.variant_id, p.inventory_item_id), data: { required_quantity: p.required_quantity } })
  if (undo.unmanaged.length) {
    await container.resolve<IProductModuleService>(Modules.PRODUCT).updateProductVariants({ id: undo.unmanaged }, { manage_inventory: false })
  }
  if (undo.delete_item) await container.resolve<IInventoryService>(Modules.INVENTORY).deleteInventoryItems([undo.inventory_item_id])
}

/** A new capacity is the stocked quantity at the event's location; reserved seats stay reserved. */
export const setEventCapacityStep = createStep(
  "cashless-set-ticket-event-capacity",
  async (input: { inventory_item_id: string | null; stock_location_id: string | null; capacity: number; previous: number }, { container }) => {
    if (!input.inventory_item_id || !input.stock_location_id || input.capacity === input.previous) return new StepResponse(undefined)
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    await inventory.updateInventoryLevels([
      { inventory_item_id: input.inventory_item_id, location_id: input.stock_location_id, stocked_quantity: input.capacity },
    ])
    return new StepResponse(undefined, input)
  },
  async (input, { container }) => {
    if (!input?.inventory_item_id || !input.stock_location_id) return
    await container
      .resolve<IInventoryService>(Modules.INVENTORY)
      .updateInventoryLevels([{ inventory_item_id: input.inventory_item_id, location_id: input.stock_location_id, stocked_quantity: input.previous }])
  }
)
