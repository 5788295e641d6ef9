import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AssetRecord,
  EntryKind,
  EntryResult,
  HistoryItem,
  VerifyReport,
  WalletBalance,
} from "../../modules/wallet/types"
import { sdk } from "./sdk"

export type { AssetRecord, EntryKind, EntryResult, HistoryItem, VerifyReport, WalletBalance }

/** `walletView` (api/admin/cashless/wallets/wallet-view.ts) once it has gone through JSON. */
export type WalletView = {
  id: string
  label: string | null
  created_at: string | null
  customer: { id: string; email: string | null; name: string | null } | null
  balances: WalletBalance[]
}

export type WalletList = { wallets: WalletView[]; count: number; limit: number; offset: number }

/** Every query of these pages starts with this key, so a ledger write refreshes them all at once. */
export const ROOT = ["cashless", "wallets"] as const

export const useWallets = (params: { q?: string; limit: number; offset: number }) =>
  useQuery({
    queryKey: [...ROOT, "list", params],
    queryFn: () =>
      sdk.client.fetch<WalletList>("/admin/cashless/wallets", {
        query: { ...(params.q ? { q: params.q } : {}), limit: params.limit, offset: params.offset },
      }),
    // Typing in the search box or paging keeps the previous rows instead of flashing empty.
    placeholderData: keepPreviousData,
  })

export const useWallet = (id: string) =>
  useQuery({
    queryKey: [...ROOT, "detail", id],
    queryFn: () => sdk.client.fetch<{ wallet: WalletView }>(`/admin/cashless/wallets/${id}`),
  })

export const useCustomerWallet = (customerId: string) =>
  useQuery({
    queryKey: [...ROOT, "customer", customerId],
    queryFn: () => sdk.client.fetch<{ wallet: WalletView | null }>(`/admin/cashless/customers/${customerId}/wallet`),
  })

export const HISTORY_PAGE_SIZE = 20

export const useWalletHistory = (id: string) =>
  useInfiniteQuery({
    queryKey: [...ROOT, "history", id],
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<{ items: HistoryItem[]; next_cursor: string | null }>(
        `/admin/cashless/wallets/${id}/history`,
        { query: { limit: HISTORY_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } }
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  })

export const useAssets = () =>
  useQuery({
    queryKey: ["cashless", "assets"],
    queryFn: () => sdk.client.fetch<{ assets: AssetRecord[] }>("/admin/cashless/assets"),
    staleTime: 5 * 60_000,
  })

const post = <T>(path: string, body: Record<string, unknown>) =>
  sdk.client.fetch<T>(path, { method: "POST", body })

/** A write that changes balances: every wallet query is stale afterwards. */
const useLedgerWrite = <TInput>(write: (input: TInput) => Promise<EntryResult>) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  })
}

export type AdjustInput = { amount: number; asset_code: string; reason: string; idempotency_key: string }
export const useAdjustWallet = (walletId: string) =>
  useLedgerWrite((body: AdjustInput) => post<EntryResult>(`/admin/cashless/wallets/${walletId}/adjust`, body))

export type GiftInput = { amount: number; asset_code?: string; reason: string; idempotency_key: string }
export const useGiftCredit = (walletId: string) =>
  useLedgerWrite((body: GiftInput) => post<EntryResult>(`/admin/cashless/wallets/${walletId}/gift`, body))

export type ReverseInput = { entry_id: string; reason: string; idempotency_key: string }
export const useReverseEntry = () =>
  useLedgerWrite(({ entry_id, ...body }: ReverseInput) =>
    post<EntryResult>(`/admin/cashless/entries/${entry_id}/reverse`, body)
  )

export const useCreateWallet = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { label?: string; customer_id?: string }) =>
      post<{ wallet: WalletView }>("/admin/cashless/wallets", body),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  })
}

export const useVerifyLedger = () =>
  useMutation({ mutationFn: () => post<VerifyReport>("/admin/cashless/ledger/verify", {}) })

/** Fiat first: the refundable money is what staff and customers ask about. */
export const sortBalances = (balances: WalletBalance[]) =>
  [...balances].sort((a, b) => Number(a.kind !== "fiat") - Number(b.kind !== "fiat"))

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err))

/**
 * Why a ledger write failed, for a toast. The server's own message when it answered (the js-sdk's
 * FetchError carries its status); otherwise nobody knows whether the entry was posted, and the
 * safe move is to submit the same form again, which reuses the idempotency key.
 */
export const writeFailure = (err: unknown) =>
  typeof (err as { status?: unknown })?.status === "number"
    ? errorMessage(err)
    : `No answer from the server (${errorMessage(err)}). Submit again: the same submission is never posted twice.`
