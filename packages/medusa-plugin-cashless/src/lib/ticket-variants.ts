import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TICKET_MODULE } from "../modules/ticket"
import type TicketModuleService from "../modules/ticket/service"
import type { TicketEventRecord } from "../modules/ticket/types"

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, unknown>> }> }

/** The event each of these variants sells a ticket for, by variant id (variants of no event are absent). */
export async function ticketVariants(container: MedusaContainer, variantIds: string[]): Promise<Map<string, TicketEventRecord>> {
  const ids = [...new Set(variantIds.filter(Boolean))]
  if (!ids.length) return new Map()
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: ids } })
  const rows = data as Array<{ id: string; product_id: string | null }>
  const events = await container.resolve<TicketModuleService>(TICKET_MODULE).eventsForProducts(rows.flatMap((r) => (r.product_id ? [r.product_id] : [])))
  const out = new Map<string, TicketEventRecord>()
  for (const r of rows) {
    const event = r.product_id ? events.get(r.product_id) : undefined
    if (event) out.set(r.id, event)
  }
  return out
}
