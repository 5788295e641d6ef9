import { z } from "@medusajs/framework/zod"

/** Fields several routes take, worded once. */

/** A unique string per operation, reused only to retry that same operation. */
export const idempotencyKey = z
  .string()
  .trim()
  .min(1, "idempotency_key must not be empty")
  .max(200, "idempotency_key must be at most 200 characters")

export const currencyCode = z.string().trim().regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code such as eur")

/** An amount in minor units, above zero. */
export const positiveMinor = z
  .number()
  .refine((n) => Number.isSafeInteger(n) && n > 0, { message: "amount is in minor units (cents): a whole number above zero" })
