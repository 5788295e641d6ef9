import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  PointOfSale,
  PointOfSaleBody,
  PointOfSaleDetail,
  PointOfSaleList,
  PointOfSaleListItem,
  PointOfSaleUpdate,
  TenderKind,
  TillSession,
  TillSessionList,
  TillSessionSummary,
} from "../../types/http/points-of-sale"
import type { StaffList, StaffMe } from "../../types/http/staff"
import { sdk } from "./sdk"
import { staffName } from "./staff"

export type { PointOfSale, PointOfSaleBody, PointOfSaleListItem, PointOfSaleUpdate, TenderKind, TillSession, TillSessionSummary }

/** In the server's order (TENDER_KINDS), with what the cashier sees. */
export const TENDERS: { value: TenderKind; label: string; text: string }[] = [
  { value: "wallet", label: "Cashless card", text: "The festival-goer taps their card; the wallet pays." },
  { value: "cash", label: "Cash", text: "Counted in the drawer: the Ticket Z compares it with what was expected." },
  { value: "card_terminal", label: "Card terminal", text: "A bank card on the bar's own payment terminal." },
]

export const tenderLabel = (t: string) => TENDERS.find((o) => o.value === t)?.label ?? t

// Under ["cashless", …] so that writes elsewhere (the staff page's assignments) refresh them too.
const ROOT = ["cashless", "points-of-sale"] as const

export const usePointOfSaleList = () =>
  useQuery({ queryKey: [...ROOT, "list"], queryFn: () => sdk.client.fetch<PointOfSaleList>("/admin/cashless/points-of-sale") })

export const usePointOfSale = (id: string) =>
  useQuery({ queryKey: [...ROOT, "one", id], queryFn: () => sdk.client.fetch<PointOfSaleDetail>(`/admin/cashless/points-of-sale/${id}`) })

export const useTillSessions = (posId: string, params: { limit: number; offset: number }) =>
  useQuery({
    queryKey: [...ROOT, "sessions", posId, params],
    queryFn: () => sdk.client.fetch<TillSessionList>(`/admin/cashless/tills/${posId}/sessions`, { query: params }),
    placeholderData: keepPreviousData,
    // A refusal (a cashier) will not change on retry; show it at once.
    retry: false,
  })

export const useCreatePointOfSale = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: PointOfSaleBody) =>
      sdk.client.fetch<{ point_of_sale: PointOfSale }>("/admin/cashless/points-of-sale", { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: ["cashless"] }),
  })
}

export const useUpdatePointOfSale = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: PointOfSaleUpdate & { id: string }) =>
      sdk.client.fetch<{ point_of_sale: PointOfSale }>(`/admin/cashless/points-of-sale/${id}`, { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: ["cashless"] }),
  })
}

/** Who is asking: the pages offer to create and change points of sale to cashless admins only. */
export const useStaffMe = () =>
  useQuery({
    queryKey: ["cashless", "staff", "me"],
    queryFn: () => sdk.client.fetch<{ me: StaffMe }>("/admin/cashless/staff/me"),
    staleTime: 30_000,
  })

// ---- Medusa's own lists, for the drawer's selects. At most 200 of each: a festival has a few.

type Named = { id: string; name: string }

export const useSalesChannels = () =>
  useQuery({
    queryKey: ["cashless", "medusa", "sales-channels"],
    queryFn: () => sdk.client.fetch<{ sales_channels: Named[] }>("/admin/sales-channels", { query: { fields: "id,name", limit: 200, order: "name" } }),
    staleTime: 60_000,
  })

export const useProductCategories = () =>
  useQuery({
    queryKey: ["cashless", "medusa", "product-categories"],
    queryFn: () =>
      sdk.client.fetch<{ product_categories: Named[] }>("/admin/product-categories", { query: { fields: "id,name", limit: 200, order: "name" } }),
    staleTime: 60_000,
  })

export const useCollections = () =>
  useQuery({
    queryKey: ["cashless", "medusa", "collections"],
    queryFn: () =>
      sdk.client.fetch<{ collections: Array<{ id: string; title: string }> }>("/admin/collections", { query: { fields: "id,title", limit: 200, order: "title" } }),
    staleTime: 60_000,
  })

/** The store's currencies, the default first: a till sells in one of them. */
export const useStoreCurrencies = () =>
  useQuery({
    queryKey: ["cashless", "medusa", "store-currencies"],
    queryFn: () =>
      sdk.client.fetch<{ stores: Array<{ supported_currencies?: Array<{ currency_code: string; is_default?: boolean }> }> }>("/admin/stores", {
        query: { fields: "id,*supported_currencies" },
      }),
    select: (data) =>
      (data.stores[0]?.supported_currencies ?? [])
        .slice()
        .sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default))
        .map((c) => c.currency_code),
    staleTime: 60_000,
  })

/** "France (FR)" for "fr" (Medusa keeps country codes lower-case), in the browser's language. */
export const countryLabel = (code: string) => {
  try {
    const name = new Intl.DisplayNames(undefined, { type: "region" }).of(code.toUpperCase())
    return name && name !== code.toUpperCase() ? `${name} (${code.toUpperCase()})` : code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

/**
 * Names for the actors a session records ("user:<id>", "system:demo-seed"). Staff names come
 * from the staff list, which only managers and admins may read; others see the raw actor.
 */
export const useActorNames = () => {
  const staff = useQuery({
    queryKey: ["cashless", "staff", "list"],
    queryFn: () => sdk.client.fetch<StaffList>("/admin/cashless/staff"),
    retry: false,
    staleTime: 60_000,
  })
  return (actor: string | null | undefined) => {
    if (!actor) return "—"
    const [kind, ...rest] = actor.split(":")
    const id = rest.join(":")
    if (kind === "user") {
      const member = staff.data?.staff.find((s) => s.user_id === id)
      return member ? staffName(member) : id
    }
    if (kind === "system") return `${id} (system)`
    return actor
  }
}

/**
 * A session's Ticket Z as a link the browser follows itself (a new tab, a download): on the
 * server the admin is served from, whose session cookie logs the request in.
 */
export const ticketZUrl = (posId: string, sessionId: string, format: "html" | "csv") =>
  `${(import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")}/admin/cashless/tills/${posId}/sessions/${sessionId}/ticket-z?format=${format}`
