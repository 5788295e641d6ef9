import { z } from "@medusajs/framework/zod"

/** Request bodies and queries of the admin device routes; unknown fields are refused. */

export const CreatePairingCodeSchema = z
  .object({
    point_of_sale_id: z.string({ error: "point_of_sale_id is required: the point of sale the reader will work for" }).trim().min(1, "point_of_sale_id must not be empty").max(100),
    name: z.string().trim().min(1, "name must not be empty").max(80, "name must be at most 80 characters").optional(),
  })
  .strict()
export type CreatePairingCodeBody = z.infer<typeof CreatePairingCodeSchema>

export const ListDevicesQuery = z
  .object({
    point_of_sale_id: z.string().trim().min(1).max(100).optional(),
    include_revoked: z.enum(["true", "false"], { error: "include_revoked is true or false" }).optional(),
  })
  .strict()
