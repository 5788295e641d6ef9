import { z } from "@medusajs/framework/zod"
import { CARD_STATUSES } from "../../../modules/card/models"

/** Request bodies and queries of the card routes. Unknown fields are refused. */

const reason = z.string().trim().min(1, "reason must not be empty").max(500, "reason must be at most 500 characters")

export const ListCardsQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    status: z.enum(CARD_STATUSES).optional(),
    batch_id: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

/** A card by the UID its chip answers, or by the QR token printed on it (the till's camera fallback). */
export const CardLookupQuerySchema = z
  .object({
    uid: z.string().min(1, "uid must not be empty").max(100, "uid is too long").optional(),
    qr_token: z.string().trim().min(1, "qr_token must not be empty").max(200, "qr_token is too long").optional(),
  })
  .strict()
  .refine((q) => (q.uid === undefined) !== (q.qr_token === undefined), { message: "Give the card's uid or its qr_token (one of them)." })

export const TapSchema = z.object({ uid: z.string().min(1, "uid is required").max(100) }).strict()
export type TapBody = z.infer<typeof TapSchema>

export const StatusChangeSchema = z.object({ reason: reason.optional() }).strict()
export type StatusChangeBody = z.infer<typeof StatusChangeSchema>

export const ReasonRequiredSchema = z.object({ reason }).strict()
export type ReasonRequiredBody = z.infer<typeof ReasonRequiredSchema>

export const BindCardSchema = z.object({ customer_id: z.string().trim().min(1, "customer_id is required").max(100) }).strict()
export type BindCardBody = z.infer<typeof BindCardSchema>

export const ReplaceCardSchema = z
  .object({
    new_card_uid: z.string().min(1, "new_card_uid is required").max(100),
    printed_number: z.string().trim().max(32).nullish(),
    qr_token: z.string().trim().max(128).nullish(),
    reason: reason.optional(),
  })
  .strict()
export type ReplaceCardBody = z.infer<typeof ReplaceCardSchema>

export const ImportCardsSchema = z
  .object({
    batch_name: z.string().trim().min(1, "batch_name is required").max(120, "batch_name must be at most 120 characters"),
    csv: z.string().refine((text) => text.trim().length > 0, {
      message: "csv is empty: send the file's text, one card per line: uid,printed_number[,qr_token]",
    }),
    idempotency_key: z.string().trim().min(1, "idempotency_key must not be empty").max(200),
  })
  .strict()
export type ImportCardsBody = z.infer<typeof ImportCardsSchema>
