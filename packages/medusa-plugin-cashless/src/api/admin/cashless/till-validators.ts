import { z } from "@medusajs/framework/zod"
import { TENDER_KINDS } from "../../../workflows/till/sale-types"
import { currencyCode, idempotencyKey } from "../../validator-fields"

/** Request bodies of the till routes. Amounts are integer cents; unknown fields are refused. */

const cents = (what: string, min = 0) =>
  z.number().refine((n) => Number.isSafeInteger(n) && n >= min, {
    message: `${what} is in minor units (cents): a whole number${min > 0 ? " above zero" : " from zero"}`,
  })
const id = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(100, `${what} is too long`)
const tender = z.enum(TENDER_KINDS, { error: `a tender is one of ${TENDER_KINDS.join(", ")}` })

export const CreatePointOfSaleSchema = z
  .object({
    name: z.string().trim().min(1, "name must not be empty").max(100, "name must be at most 100 characters"),
    sales_channel_id: id("sales_channel_id"),
    currency_code: currencyCode.default("eur"),
    country_code: z.string().trim().regex(/^[a-zA-Z]{2}$/, "country_code must be a 2-letter ISO code such as fr (VAT is that country's)"),
    category_ids: z.array(id("a category id")).max(200).nullish(),
    collection_ids: z.array(id("a collection id")).max(200).nullish(),
    tenders: z.array(tender).min(1, "accept at least one tender").max(3).default(["wallet", "cash", "card_terminal"]),
  })
  .strict()
export type CreatePointOfSaleBody = z.infer<typeof CreatePointOfSaleSchema>

export const UpdatePointOfSaleSchema = CreatePointOfSaleSchema.partial().extend({ archived: z.boolean().optional() }).strict()
export type UpdatePointOfSaleBody = z.infer<typeof UpdatePointOfSaleSchema>

export const OpenSessionSchema = z.object({ opening_float: cents("opening_float") }).strict()
export type OpenSessionBody = z.infer<typeof OpenSessionSchema>

export const CloseSessionSchema = z.object({ counted_cash: cents("counted_cash") }).strict()
export type CloseSessionBody = z.infer<typeof CloseSessionSchema>

export const SellSchema = z
  .object({
    idempotency_key: idempotencyKey,
    lines: z
      .array(
        z
          .object({
            variant_id: id("variant_id"),
            quantity: z.number().refine((n) => Number.isSafeInteger(n) && n >= 1 && n <= 1000, { message: "quantity is a whole number from 1 to 1000" }),
          })
          .strict()
      )
      .min(1, "a sale needs at least one line")
      .max(200, "a sale has at most 200 lines"),
    card_uid: z.string().trim().min(1).max(40).nullish(),
    tenders: z
      .array(z.object({ kind: tender, amount: cents("a tender's amount", 1), card_uid: z.string().trim().min(1).max(40).nullish() }).strict())
      .max(5, "at most 5 tenders")
      .nullish(),
  })
  .strict()
export type SellBody = z.infer<typeof SellSchema>

const uid = z.string().trim().min(1, "card_uid must not be empty").max(40, "card_uid is too long")

export const TillTopUpSchema = z
  .object({
    idempotency_key: idempotencyKey,
    card_uid: uid,
    amount: cents("amount", 1),
    tender: z.enum(["cash", "card_terminal"], { error: "a top-up at the till is paid in cash or on the card terminal" }),
  })
  .strict()
export type TillTopUpBody = z.infer<typeof TillTopUpSchema>

export const TillRefundSchema = z.object({ idempotency_key: idempotencyKey, card_uid: uid, amount: cents("amount", 1) }).strict()
export type TillRefundBody = z.infer<typeof TillRefundSchema>

export const TillVoidSchema = z
  .object({
    idempotency_key: idempotencyKey,
    card_uid: uid,
    reason: z.string().trim().max(500, "reason must be at most 500 characters").optional(),
  })
  .strict()
export type TillVoidBody = z.infer<typeof TillVoidSchema>

export const TicketZQuerySchema = z
  .object({
    format: z.enum(["json", "csv", "html"], { error: "format is json, csv or html (a page to print)" }).default("json"),
    lang: z.enum(["en", "fr"], { error: "lang is en or fr" }).default("en"),
  })
  .strict()

export const TillSessionsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
