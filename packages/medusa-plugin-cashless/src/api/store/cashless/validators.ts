import { z } from "@medusajs/framework/zod"

export const ClaimCardSchema = z
  .object({
    qr_token: z.string().trim().min(1, "qr_token is required: it is in the QR code on the card").max(128),
    printed_number: z.string().trim().min(1, "printed_number is required: it is printed on the card").max(32),
  })
  .strict()
export type ClaimCardBody = z.infer<typeof ClaimCardSchema>

export const DeclareLostSchema = z.object({ reason: z.string().trim().max(500).optional() }).strict()
export type DeclareLostBody = z.infer<typeof DeclareLostSchema>
