import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { CardEventRecord, CardImportRecord, CardRecord, CardStatus } from "../../modules/card/types"
import type { MembershipCheck } from "../../modules/membership/types"
import type { WalletBalance } from "../../modules/wallet/types"
import { sdk } from "./sdk"

export type { CardEventRecord, CardImportRecord, CardStatus }

/** `cardView` (api/admin/cashless/cards/card-view.ts) once it has gone through JSON. */
export type CardView = CardRecord & {
  qr_url: string
  holder: { id: string; email: string | null; name: string | null } | null
  balances: WalletBalance[]
  /** On one card's answers (card page, lookup, tap), not in lists. */
  membership?: MembershipCheck
}

export type CardBatch = { id: string; name: string; card_count: number; created_by: string | null; created_at: string }

const ROOT = ["cashless", "cards"] as const

export const STATUS_COLOR: Record<CardStatus, "green" | "grey" | "orange" | "red" | "blue"> = {
  new: "grey",
  active: "green",
  lost: "orange",
  blocked: "red",
  voided: "blue",
}

export { cardName } from "../../modules/card/card-name"

export const useCards = (params: { q?: string; status?: string; batch_id?: string; limit: number; offset: number }) =>
  useQuery({
    queryKey: [...ROOT, "list", params],
    queryFn: () =>
      sdk.client.fetch<{ cards: CardView[]; count: number; limit: number; offset: number }>("/admin/cashless/cards", {
        query: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== "")),
      }),
    placeholderData: keepPreviousData,
  })

export const useCard = (id: string) =>
  useQuery({
    queryKey: [...ROOT, "one", id],
    queryFn: () => sdk.client.fetch<{ card: CardView; events: CardEventRecord[] }>(`/admin/cashless/cards/${id}`),
  })

export const useCustomerCards = (customerId: string) =>
  useQuery({
    queryKey: [...ROOT, "customer", customerId],
    queryFn: () => sdk.client.fetch<{ cards: CardView[] }>(`/admin/cashless/customers/${customerId}/cards`),
  })

export const useBatches = () =>
  useQuery({
    queryKey: [...ROOT, "batches"],
    queryFn: () => sdk.client.fetch<{ batches: CardBatch[] }>("/admin/cashless/card-batches"),
  })

/** Polls an import every half second while it runs. */
export const useImport = (id: string | null) =>
  useQuery({
    queryKey: [...ROOT, "import", id],
    enabled: !!id,
    queryFn: () => sdk.client.fetch<{ import: CardImportRecord }>(`/admin/cashless/card-imports/${id}`),
    refetchInterval: (query) => (query.state.data?.import.status === "running" ? 500 : false),
  })

/** Every card write refreshes every card and wallet query: balances move with bindings. */
const useCardWrite = <TBody extends Record<string, unknown>, TResult>(path: (body: TBody) => string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: TBody) => sdk.client.fetch<TResult>(path(body), { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: ["cashless"] }),
  })
}

export const useStartImport = () =>
  useCardWrite<{ batch_name: string; csv: string; idempotency_key: string }, { import: CardImportRecord }>(
    () => "/admin/cashless/card-imports"
  )

export const useCardAction = (cardId: string, action: "block" | "unblock" | "lost") =>
  useCardWrite<{ reason?: string }, { card: CardView }>(() => `/admin/cashless/cards/${cardId}/${action}`)

export const useBindCard = (cardId: string) =>
  useCardWrite<{ customer_id: string }, { card: CardView }>(() => `/admin/cashless/cards/${cardId}/bind`)

export const useReplaceCard = (cardId: string) =>
  useCardWrite<
    { new_card_uid: string; printed_number?: string; qr_token?: string; reason?: string },
    { new_card: CardView }
  >(() => `/admin/cashless/cards/${cardId}/replace`)
