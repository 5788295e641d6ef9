/** A refund request as the routes answer it: amounts in minor units of `currency_code`. */
export type RefundPartView = {
  id: string
  payment_id: string
  order_id: string | null
  amount: number
  status: "pending" | "paid" | "failed"
  provider_refund_id: string | null
  error: string | null
}

export type RefundView = {
  id: string
  wallet_id: string
  currency_code: string
  amount: number
  refunded_amount: number
  status: "pending" | "succeeded" | "partial" | "failed"
  actor: string | null
  reason: string | null
  error: string | null
  created_at: string
  parts: RefundPartView[]
  /** True when this answer is the stored result of an earlier request with the same key. */
  replayed: boolean
}

type Row = Record<string, unknown>

export function refundView(refund: Row, parts: Row[], replayed: boolean): RefundView {
  return {
    id: String(refund.id),
    wallet_id: String(refund.wallet_id),
    currency_code: String(refund.currency_code),
    amount: Number(refund.amount),
    refunded_amount: Number(refund.refunded_amount ?? 0),
    status: refund.status as RefundView["status"],
    actor: (refund.actor as string | null) ?? null,
    reason: (refund.reason as string | null) ?? null,
    error: (refund.error as string | null) ?? null,
    created_at: new Date(refund.created_at as string).toISOString(),
    parts: parts
      .slice()
      .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || String(a.id).localeCompare(String(b.id)))
      .map((p) => ({
        id: String(p.id),
        payment_id: String(p.payment_id),
        order_id: (p.order_id as string | null) ?? null,
        amount: Number(p.amount),
        status: p.status as RefundPartView["status"],
        provider_refund_id: (p.provider_refund_id as string | null) ?? null,
        error: (p.error as string | null) ?? null,
      })),
    replayed,
  }
}
