import type { MedusaResponse } from "@medusajs/framework/http"
import { formatMinor } from "../lib/money"
import type { RefundView } from "../workflows/wallet-refund/refund-view"

/**
 * Answers a refund request. All paid: 200. A provider refused some or all of it: 502 with the
 * refund, saying what went back, what stayed in the wallet, and that the same key retries.
 */
export function sendRefund(res: MedusaResponse, refund: RefundView, balances: unknown) {
  if (refund.status === "succeeded") {
    res.json({ refund, balances })
    return
  }
  const left = refund.amount - refund.refunded_amount
  const sent = refund.refunded_amount
    ? `${formatMinor(refund.refunded_amount, refund.currency_code)} went back to the original payment(s); `
    : ""
  const reason = refund.error ? ` (${refund.error})` : ""
  const text =
    `${sent}the payment provider refused ${sent ? "the other" : "the"} ${formatMinor(left, refund.currency_code)}${reason}. ` +
    `It is still in the wallet: retry with the same idempotency key to send it, or refund it in cash at a till.`
  res.status(502).json({
    type: "payment_provider_error",
    code: refund.status === "partial" ? "refund_partial" : "refund_failed",
    message: text.charAt(0).toUpperCase() + text.slice(1),
    refund,
    balances,
  })
}
