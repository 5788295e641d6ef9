import { useQuery } from "@tanstack/react-query"
import type { StaffMe } from "../../../types/http/staff"
import type { ClosedSession, MovementReceipt, PointOfSale, TillCard, TillCatalog, TillSession } from "../../../types/http/till"
import { sdk } from "../sdk"
import { tillFetch, type Outcome, type TillRequest } from "./http"
import { reportServer, serverStateOf } from "./server-health"

/** Every till call tells the status bar whether the server answered. */
export async function tillCall<T>(request: TillRequest): Promise<Outcome<T>> {
  const outcome = await tillFetch<T>(request)
  // A manager's token refused is about the manager, not about the cashier's login.
  if (!(request.token && outcome.kind === "answer" && outcome.status === 401)) reportServer(serverStateOf(outcome))
  return outcome
}

const ROOT = ["cashless", "till"] as const

export const useStaffMe = () =>
  useQuery({
    queryKey: [...ROOT, "me"],
    queryFn: () => sdk.client.fetch<{ me: StaffMe }>("/admin/cashless/staff/me"),
    staleTime: 60_000,
  })

export const usePointsOfSale = () =>
  useQuery({
    queryKey: [...ROOT, "points-of-sale"],
    queryFn: () => sdk.client.fetch<{ points_of_sale: PointOfSale[] }>("/admin/cashless/points-of-sale"),
    staleTime: 60_000,
  })

export const useCatalog = (posId: string) =>
  useQuery({
    queryKey: [...ROOT, "catalog", posId],
    queryFn: () => sdk.client.fetch<TillCatalog>(`/admin/cashless/tills/${posId}/catalog`),
    staleTime: 5 * 60_000,
  })

export const useOpenSession = (posId: string) =>
  useQuery({
    queryKey: [...ROOT, "session", posId],
    queryFn: () => sdk.client.fetch<{ session: TillSession | null }>(`/admin/cashless/tills/${posId}/session`),
  })

export const sessionQueryKey = (posId: string) => [...ROOT, "session", posId]

export const openSession = (posId: string, openingFloat: number) =>
  tillCall<{ session: TillSession }>({ method: "POST", path: `/admin/cashless/tills/${posId}/sessions`, body: { opening_float: openingFloat } })

/** A card by the UID a reader or a person gave, or by the token of its QR code. */
export const lookupCard = (by: { uid: string } | { qr_token: string }) =>
  tillCall<{ card: TillCard }>({
    method: "GET",
    path: `/admin/cashless/card-lookup?${new URLSearchParams(by as Record<string, string>)}`,
  })

export const closeSession = (posId: string, sessionId: string, countedCash: number, token?: string) =>
  tillCall<{ session: ClosedSession }>({
    method: "POST",
    path: `/admin/cashless/tills/${posId}/sessions/${sessionId}/close`,
    body: { counted_cash: countedCash },
    token,
  })

/** Where the printable Ticket Z is; the admin's session cookie authenticates a manager's browser tab. */
export const ticketZPrintPath = (posId: string, sessionId: string, lang: string) =>
  `/admin/cashless/tills/${posId}/sessions/${sessionId}/ticket-z?format=html&lang=${lang}`

/**
 * The printable Ticket Z fetched with a manager's token (a cashier's cookie may not read it),
 * as a page the browser can open: a blob URL.
 */
export async function ticketZPrintBlob(posId: string, sessionId: string, lang: string, token: string): Promise<string | null> {
  try {
    const base = (import.meta.env?.VITE_BACKEND_URL as string | undefined)?.replace(/\/$/, "") ?? ""
    const res = await fetch(`${base}${ticketZPrintPath(posId, sessionId, lang)}`, { headers: { authorization: `Bearer ${token}` }, credentials: "omit" })
    if (!res.ok) return null
    return URL.createObjectURL(new Blob([await res.text()], { type: "text/html" }))
  } catch {
    return null
  }
}

export type MovementPath = "top-ups" | "refunds" | "voids"
export type { MovementReceipt }
