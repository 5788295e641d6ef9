import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { CreateEventBody, UpdateEventBody } from "./ticket-events"
import { answerOf } from "./ticket-writes"
import { sdk } from "./sdk"
import { tillFetch } from "./till/http"
import type { TicketCounts, TicketEventRecord, TicketRecord, TicketStatus } from "../../modules/ticket/types"

/* The JSON views of the ticket routes (docs/tickets.md, "API"), from the server's own types. */

export type { TicketCounts, TicketStatus }

/** An event with its ticket types (`eventViews`, api/admin/cashless/tickets/ticket-view.ts), once through JSON. */
export type TicketEventView = TicketEventRecord & { ticket_types: Array<{ variant_id: string; title: string }> }

/**
 * A ticket as staff see it: never its secret (`ticketViews`, same file, repeated here: that file
 * reaches the till module's service, which the admin's TypeScript settings cannot compile).
 */
export type TicketView = Omit<TicketRecord, "checked_in_by" | "checked_in_where" | "cancelled_by" | "refunded_by" | "unit_index"> & {
  checked_in_by: { id: string; name: string } | null
  checked_in_where: { point_of_sale_id: string; name: string } | null
}

export type TicketList = { tickets: TicketView[]; count: number; limit: number; offset: number }

export type TicketFilter = { event_id?: string; order_id?: string; status?: TicketStatus; q?: string }

export const TICKET_STATUSES: TicketStatus[] = ["valid", "checked_in", "cancelled", "refunded"]

export const TICKET_STATUS_LABEL: Record<TicketStatus, string> = {
  valid: "Valid",
  checked_in: "Checked in",
  cancelled: "Cancelled",
  refunded: "Refunded",
}

export const TICKET_STATUS_COLOR: Record<TicketStatus, "green" | "blue" | "grey" | "orange"> = {
  valid: "green",
  checked_in: "blue",
  cancelled: "grey",
  refunded: "orange",
}

/** Every query of the ticket pages starts with this key: a write refreshes them all at once. */
const ROOT = ["cashless", "tickets"] as const

const defined = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ""))

export const useTicketEvents = (archived: boolean) =>
  useQuery({
    queryKey: [...ROOT, "events", { archived }],
    queryFn: () =>
      sdk.client.fetch<{ events: TicketEventView[] }>("/admin/cashless/ticket-events", { query: archived ? { archived: "true" } : {} }),
  })

export const useTicketEvent = (id: string) =>
  useQuery({
    queryKey: [...ROOT, "event", id],
    queryFn: () => sdk.client.fetch<{ event: TicketEventView }>(`/admin/cashless/ticket-events/${id}`),
  })

export const useTickets = (params: TicketFilter & { limit: number; offset: number }, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: [...ROOT, "list", params],
    queryFn: () => sdk.client.fetch<TicketList>("/admin/cashless/tickets", { query: defined(params) }),
    placeholderData: keepPreviousData,
    // A refusal (staff without a cashless role) does not change on retry.
    retry: false,
    enabled: options.enabled ?? true,
  })

const useTicketWrite = <TBody, TResult>(write: (body: TBody) => Promise<TResult>) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: write,
    // Ticket counts show on the event pages, and a refund changes the order page too.
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ROOT }), client.invalidateQueries({ queryKey: ["orders"] })]),
  })
}

export const useCreateTicketEvent = () =>
  useTicketWrite((body: CreateEventBody) =>
    sdk.client.fetch<{ event: TicketEventView }>("/admin/cashless/ticket-events", { method: "POST", body })
  )

export const useUpdateTicketEvent = () =>
  useTicketWrite(({ id, ...body }: UpdateEventBody & { id: string; archived?: boolean }) =>
    sdk.client.fetch<{ event: TicketEventView }>(`/admin/cashless/ticket-events/${id}`, { method: "POST", body })
  )

/** Cancelling twice changes nothing, so no key is needed. */
export const useCancelTicket = () =>
  useTicketWrite(async ({ id, reason }: { id: string; reason: string }) =>
    answerOf(await tillFetch<{ ticket: TicketView }>({ method: "POST", path: `/admin/cashless/tickets/${id}/cancel`, body: { reason } }))
  )

export type RefundBody = { reason?: string; checked_in_override?: boolean; idempotency_key: string }
/** `refund` is null for a replay (the ticket was refunded already) or when nothing was to be paid back. */
export type RefundAnswer = { ticket: TicketView; replayed: boolean; refund: { amount: number; currency_code: string } | null }

/** Through tillFetch, not the js-sdk: the drawer needs the refusal's code (409 `checked_in`). */
export const useRefundTicket = () =>
  useTicketWrite(async ({ id, ...body }: RefundBody & { id: string }) =>
    answerOf(await tillFetch<RefundAnswer>({ method: "POST", path: `/admin/cashless/tickets/${id}/refund`, body }))
  )

/* Medusa's own routes the drawers read. */

export type StockLocationOption = { id: string; name: string }

export const useStockLocations = () =>
  useQuery({
    queryKey: ["cashless", "medusa", "stock-locations"],
    queryFn: () =>
      sdk.client.fetch<{ stock_locations: StockLocationOption[] }>("/admin/stock-locations", {
        query: { fields: "id,name", limit: 200, order: "name" },
      }),
    staleTime: 60_000,
  })

export type ProductTitle = { id: string; title: string; variants: Array<{ id: string; title: string | null }> | null }

export const useProductTitle = (id: string | null | undefined) =>
  useQuery({
    queryKey: ["cashless", "product-title", id],
    enabled: !!id,
    queryFn: () => sdk.client.fetch<{ product: ProductTitle }>(`/admin/products/${id}`, { query: { fields: "id,title,variants.id,variants.title" } }),
    staleTime: 60_000,
    retry: false,
  })

export type StockLocationName = { stock_location: { id: string; name: string } }

export const useStockLocation = (id: string | null | undefined) =>
  useQuery({
    queryKey: ["cashless", "medusa", "stock-location", id],
    enabled: !!id,
    queryFn: () => sdk.client.fetch<StockLocationName>(`/admin/stock-locations/${id}`, { query: { fields: "id,name" } }),
    staleTime: 60_000,
    retry: false,
  })

/** The order's line a ticket came from: what one ticket cost, which the refund drawer shows before refunding. */
export type OrderLines = {
  order: {
    id: string
    display_id: number | null
    currency_code: string
    items: Array<{ id: string; quantity: number; unit_price: number; total: number | string | null }> | null
  }
}

export const useOrderLines = (orderId: string | null | undefined) =>
  useQuery({
    queryKey: ["cashless", "order-lines", orderId],
    enabled: !!orderId,
    queryFn: () =>
      sdk.client.fetch<OrderLines>(`/admin/orders/${orderId}`, {
        query: { fields: "id,display_id,currency_code,items.id,items.quantity,items.unit_price,items.total" },
      }),
    retry: false,
  })

/** "Camille Martin", the email without a name, or "no name" for a ticket bought as a guest without one. */
export const holderOf = (t: Pick<TicketView, "holder_name" | "holder_email">) => t.holder_name || t.holder_email || "no name"

/** "#12" for the orders of the tickets shown: staff know orders by their number, not their id. */
export const useOrderNumbers = (orderIds: string[]) => {
  const ids = [...new Set(orderIds)].sort()
  return useQuery({
    queryKey: ["cashless", "order-numbers", ids],
    enabled: ids.length > 0,
    queryFn: async () => {
      const { orders } = await sdk.client.fetch<{ orders: Array<{ id: string; display_id: number | null }> }>("/admin/orders", {
        query: { id: ids, fields: "id,display_id", limit: ids.length },
      })
      return Object.fromEntries(orders.map((o) => [o.id, o.display_id]))
    },
    staleTime: 60_000,
    retry: false,
  })
}
