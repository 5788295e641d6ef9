import { z } from "@medusajs/framework/zod"
import { CREDIT_SOURCES } from "../../../modules/wallet/types"
import { currencyCode, idempotencyKey } from "../../validator-fields"

/** Request bodies of the ledger routes. Unknown fields are refused, amounts are integer cents. */

// Medusa words type errors itself ("Expected type: 'number' for field 'amount'"); the
// refinements below carry our own messages.
const cents = (what: string) =>
  z
    .number()
    .refine(Number.isInteger, { message: `${what} must be a whole number of minor units (cents): 2.50 is 250` })
    // Beyond 2^53 a JSON number is no longer exact; the module's own (configurable) maximum
    // per operation is checked by the ledger.
    .refine((v) => Math.abs(v) <= Number.MAX_SAFE_INTEGER, {
      message: `${what} must be at most ${Number.MAX_SAFE_INTEGER} minor units`,
    })

const positiveCents = (what: string) => cents(what).refine((v) => v > 0, { message: `${what} must be greater than zero` })

const reason = z
  .string()
  .trim()
  .min(1, "reason must not be empty")
  .max(500, "reason must be at most 500 characters")

const assetCode = z
  .string()
  .trim()
  .min(1, "asset_code must not be empty")
  .max(40, "asset_code must be at most 40 characters")

const externalRef = z.string().trim().min(1).max(200).nullish()

export const CreateWalletSchema = z
  .object({
    label: z.string().trim().max(200).nullish(),
    customer_id: z.string().trim().min(1).max(100).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type CreateWalletBody = z.infer<typeof CreateWalletSchema>

export const CreditSchema = z
  .object({
    amount: positiveCents("amount"),
    asset_code: assetCode.default("EUR"),
    source: z.enum(CREDIT_SOURCES, { error: `source must be one of ${CREDIT_SOURCES.join(", ")}` }),
    idempotency_key: idempotencyKey,
    external_ref: externalRef,
  })
  .strict()
export type CreditBody = z.infer<typeof CreditSchema>

export const GiftSchema = z
  .object({
    amount: positiveCents("amount"),
    asset_code: assetCode.default("EUR_GIFT"),
    reason,
    idempotency_key: idempotencyKey,
    external_ref: externalRef,
  })
  .strict()
export type GiftBody = z.infer<typeof GiftSchema>

export const SpendSchema = z
  .object({
    amount: positiveCents("amount"),
    currency_code: currencyCode,
    point_of_sale: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_:-]{1,100}$/, "point_of_sale must be 1-100 letters, digits, _ : or -"),
    idempotency_key: idempotencyKey,
    external_ref: externalRef,
  })
  .strict()
export type SpendBody = z.infer<typeof SpendSchema>

export const TransferSchema = z
  .object({
    to_wallet_id: z.string().trim().min(1).max(100),
    amount: positiveCents("amount"),
    asset_code: assetCode.default("EUR"),
    reason: reason.nullish(),
    idempotency_key: idempotencyKey,
    external_ref: externalRef,
  })
  .strict()
export type TransferBody = z.infer<typeof TransferSchema>

export const AdjustSchema = z
  .object({
    amount: cents("amount").refine((v) => v !== 0, { message: "amount must not be zero: positive adds, negative removes" }),
    asset_code: assetCode,
    reason,
    idempotency_key: idempotencyKey,
    external_ref: externalRef,
  })
  .strict()
export type AdjustBody = z.infer<typeof AdjustSchema>

export const ReverseSchema = z
  .object({
    reason,
    idempotency_key: idempotencyKey,
  })
  .strict()
export type ReverseBody = z.infer<typeof ReverseSchema>

export const HistoryQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).nullish(),
    asset_code: z.string().max(40).nullish(),
  })
  .strict()

export const ListWalletsQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

/** Staff refunds refundable money to the payments it came from. */
export const AdminRefundSchema = z
  .object({
    amount: positiveCents("amount"),
    currency_code: currencyCode.default("eur"),
    idempotency_key: idempotencyKey,
    reason: reason.nullish(),
  })
  .strict()
export type AdminRefundBody = z.infer<typeof AdminRefundSchema>
