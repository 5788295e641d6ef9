import { z } from "@medusajs/framework/zod"
import { Balance } from "./common"
import { component, isoDate, minor } from "./registry"

/** workflows/wallet-refund/refund-view.ts `RefundView`. */
export const Refund = component(
  "Refund",
  z.strictObject({
    id: z.string(),
    wallet_id: z.string(),
    currency_code: z.string(),
    amount: minor,
    refunded_amount: minor,
    status: z.enum(["pending", "succeeded", "partial", "failed"]),
    actor: z.string().nullable(),
    reason: z.string().nullable(),
    error: z.string().nullable(),
    created_at: isoDate,
    parts: z.array(
      z.strictObject({
        id: z.string(),
        payment_id: z.string(),
        order_id: z.string().nullable(),
        amount: minor,
        status: z.enum(["pending", "paid", "failed"]),
        provider_refund_id: z.string().nullable(),
        error: z.string().nullable(),
      })
    ),
    replayed: z.boolean(),
  })
)

/** api/refund-answer.ts: the refund and the wallet's balances after it. */
export const RefundAnswer = component("RefundAnswer", z.strictObject({ refund: Refund, balances: z.array(Balance) }))
