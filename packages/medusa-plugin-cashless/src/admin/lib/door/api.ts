import { useQuery } from "@tanstack/react-query"
import { sdk } from "../sdk"
import { tillCall } from "../till/api"
import type { CheckInAnswer, TicketEventView } from "./types"

const ROOT = ["cashless", "door"] as const

export const useTicketEvents = () =>
  useQuery({
    queryKey: [...ROOT, "events"],
    queryFn: () => sdk.client.fetch<{ events: TicketEventView[] }>("/admin/cashless/ticket-events"),
    staleTime: 60_000,
  })

export const ticketEventQueryKey = (eventId: string) => [...ROOT, "event", eventId]

/** The event and its counts; refetched every 3 s so the counter follows the other doors. */
export const useTicketEvent = (eventId: string) =>
  useQuery({
    queryKey: ticketEventQueryKey(eventId),
    queryFn: () => sdk.client.fetch<{ event: TicketEventView }>(`/admin/cashless/ticket-events/${encodeURIComponent(eventId)}`),
    enabled: !!eventId,
    refetchInterval: 3_000,
  })

export type CheckInBody = { event_id: string; idempotency_key: string } & ({ secret: string } | { uid: string })

/**
 * Through the till's fetch: every outcome (admitted, 409 already checked in, 404 unknown…) has a
 * body to show, a network failure is told from a refusal, and the status bar hears of both.
 */
export const postCheckIn = (posId: string, body: CheckInBody) =>
  tillCall<CheckInAnswer>({ method: "POST", path: `/admin/cashless/doors/${encodeURIComponent(posId)}/check-ins`, body, timeoutMs: 10_000 })
