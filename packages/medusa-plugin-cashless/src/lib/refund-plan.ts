/** A captured payment that topped up a wallet, and how much of it can still go back. */
export type RefundSource = {
  payment_id: string
  order_id: string
  /** When the money arrived: the newest is refunded first. */
  credited_at: string
  /** Minor units this payment can still refund for this wallet. */
  refundable: number
}

export type RefundAllocation = { payment_id: string; order_id: string; amount: number }

/**
 * Splits a refund across payments, newest first: the money a customer put in last is the
 * first to go back, so older payments (nearer the provider's refund window) are touched least.
 * Answers what goes where and how much no payment can take (`short`).
 */
export function planRefund(sources: RefundSource[], amount: number): { parts: RefundAllocation[]; short: number } {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`refund amount must be a positive integer, got ${amount}`)
  const ordered = [...sources].sort(
    (a, b) => b.credited_at.localeCompare(a.credited_at) || b.payment_id.localeCompare(a.payment_id)
  )
  const parts: RefundAllocation[] = []
  let left = amount
  for (const source of ordered) {
    if (left === 0) break
    const take = Math.min(left, Math.max(0, source.refundable))
    if (take > 0) {
      parts.push({ payment_id: source.payment_id, order_id: source.order_id, amount: take })
      left -= take
    }
  }
  return { parts, short: left }
}
