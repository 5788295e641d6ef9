import { z } from "@medusajs/framework/zod"
import { currencyCode, idempotencyKey, positiveMinor } from "../../validator-fields"

export const ClaimCardSchema = z
  .object({
    qr_token: z.string().trim().min(1, "qr_token is required: it is in the QR code on the card").max(128),
    printed_number: z.string().trim().min(1, "printed_number is required: it is printed on the card").max(32),
  })
  .strict()
export type ClaimCardBody = z.infer<typeof ClaimCardSchema>

export const DeclareLostSchema = z.object({ reason: z.string().trim().max(500).optional() }).strict()
export type DeclareLostBody = z.infer<typeof DeclareLostSchema>

export const StartTopUpSchema = z
  .object({
    cart_id: z.string().trim().min(1, "cart_id is required: create a cart first (POST /store/carts)").max(100),
    amount: z
      .number()
      .refine((n) => Number.isSafeInteger(n), { message: "amount is in minor units (cents): a whole number, e.g. 2000 for 20.00" })
      .refine((n) => n > 0, { message: "amount must be greater than zero" }),
    qr_token: z.string().trim().min(1).max(128).optional(),
  })
  .strict()
export type StartTopUpBody = z.infer<typeof StartTopUpSchema>

export const WalletCreditSchema = z
  .object({
    amount: positiveMinor.optional(),
  })
  .strict()
export type WalletCreditBody = z.infer<typeof WalletCreditSchema>

/** A refund of refundable money to the payments it came from. */
export const RefundRequestSchema = z
  .object({
    amount: positiveMinor,
    currency_code: currencyCode.default("eur"),
    idempotency_key: idempotencyKey,
  })
  .strict()
export type RefundRequestBody = z.infer<typeof RefundRequestSchema>

/** A page of the customer's own wallet history: pass `next_cursor` back as `cursor`. */
export const WalletHistoryQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(20),
    cursor: z.string().max(200).nullish(),
    asset_code: z.string().max(40).nullish(),
  })
  .strict()
