import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { TicketEventRecord, TicketRecord } from "../../../../modules/ticket/types"
import { TILL_MODULE } from "../../../../modules/till"
import type TillModuleService from "../../../../modules/till/service"

/** A ticket as staff see it: who let it in and where by name; never its secret. */
export type TicketView = Omit<TicketRecord, "checked_in_by" | "checked_in_where" | "cancelled_by" | "refunded_by" | "unit_index"> & {
  checked_in_by: { id: string; name: string } | null
  checked_in_where: { point_of_sale_id: string; name: string } | null
}

export async function ticketViews(scope: MedusaContainer, tickets: TicketRecord[]): Promise<TicketView[]> {
  const userIds = [...new Set(tickets.flatMap((t) => (t.checked_in_by ? [t.checked_in_by] : [])))]
  const posIds = [...new Set(tickets.flatMap((t) => (t.checked_in_where ? [t.checked_in_where] : [])))]
  const [users, places] = await Promise.all([
    userIds.length
      ? scope.resolve(Modules.USER).listUsers({ id: userIds }, { select: ["id", "email", "first_name", "last_name"] })
      : Promise.resolve([]),
    posIds.length
      ? scope.resolve<TillModuleService>(TILL_MODULE).listCashlessPointOfSales({ id: posIds }, { select: ["id", "name"] })
      : Promise.resolve([]),
  ])
  const userName = new Map(users.map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email]))
  const placeName = new Map(places.map((p) => [p.id, p.name as string]))
  return tickets.map(({ checked_in_by, checked_in_where, cancelled_by: _c, refunded_by: _r, unit_index: _u, ...rest }) => ({
    ...rest,
    checked_in_by: checked_in_by ? { id: checked_in_by, name: userName.get(checked_in_by) ?? checked_in_by } : null,
    checked_in_where: checked_in_where ? { point_of_sale_id: checked_in_where, name: placeName.get(checked_in_where) ?? checked_in_where } : null,
  }))
}

type Query = { graph(config: Record<string, unknown>): Promise<{ data: Array<Record<string, unknown>> }> }

/** An event with its ticket types: the variants of its product, by title. */
export async function eventViews(scope: MedusaContainer, events: TicketEventRecord[]) {
  const productIds = [...new Set(events.map((e) => e.product_id))]
  const { data } = productIds.length
    ? await scope.resolve<Query>(ContainerRegistrationKeys.QUERY).graph({
        entity: "product",
        fields: ["id", "variants.id", "variants.title"],
        filters: { id: productIds },
      })
    : { data: [] }
  const types = new Map(
    (data as Array<{ id: string; variants?: Array<{ id: string; title: string | null } | null> | null }>).map((p) => [
      p.id,
      (p.variants ?? []).flatMap((v) => (v ? [{ variant_id: v.id, title: v.title ?? "" }] : [])),
    ])
  )
  return events.map((e) => ({ ...e, ticket_types: types.get(e.product_id) ?? [] }))
}
