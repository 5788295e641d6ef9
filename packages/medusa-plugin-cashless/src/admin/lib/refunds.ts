import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { RefundPartView, RefundView } from "../../workflows/wallet-refund/refund-view"
import { sdk } from "./sdk"
import { ROOT, type WalletBalance } from "./wallets"

export type { RefundPartView, RefundView }

/**
 * One online top-up payment of the wallet, as `GET /admin/cashless/wallets/:id/top-ups` answers it
 * (`TopUpPayment` of lib/refund-sources.ts plus its order; that file is server code, so not imported).
 */
export type TopUpRow = {
  payment_id: string
  order_id: string
  order: { id: string; display_id: number; status: string; email: string | null } | null
  credited_at: string
  currency_code: string
  /** What this payment put into the wallet, in minor units. */
  credited: number
  /** What already went back from the wallet through this payment. */
  refunded: number
  /** Captured less refunded on the payment itself (a refund made in the Medusa admin counts too). */
  payment_remaining: number
  provider_id: string | null
  /** What can still go back to this payment: credited − refunded, never more than the payment holds. */
  refundable: number
}

export type RefundStatus = RefundView["status"]
export type RefundPartStatus = RefundPartView["status"]

export const REFUND_STATUS_COLOR: Record<RefundStatus, "green" | "orange" | "red" | "blue"> = {
  succeeded: "green",
  partial: "orange",
  failed: "red",
  pending: "blue",
}

export const PART_STATUS_COLOR: Record<RefundPartStatus, "green" | "red" | "blue"> = {
  paid: "green",
  failed: "red",
  pending: "blue",
}

// Under the wallet pages' key: every ledger write (a gift, an adjustment, a refund) refreshes these too.
export const useWalletTopUps = (walletId: string) =>
  useQuery({
    queryKey: [...ROOT, "top-ups", walletId],
    queryFn: () => sdk.client.fetch<{ top_ups: TopUpRow[] }>(`/admin/cashless/wallets/${walletId}/top-ups`),
  })

export const useWalletRefunds = (walletId: string) =>
  useQuery({
    queryKey: [...ROOT, "refunds", walletId],
    queryFn: () => sdk.client.fetch<{ refunds: RefundView[] }>(`/admin/cashless/wallets/${walletId}/refunds`),
  })

export type RefundInput = { amount: number; currency_code: string; idempotency_key: string; reason?: string }
export type RefundResult = { refund: RefundView; balances: WalletBalance[] }

export const useRefundWallet = (walletId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: RefundInput) =>
      sdk.client.fetch<RefundResult>(`/admin/cashless/wallets/${walletId}/refunds`, { method: "POST", body }),
    // Settled, not only on success: a 502 means part of the money went back and the balance moved.
    onSettled: () => client.invalidateQueries({ queryKey: ROOT }),
  })
}
