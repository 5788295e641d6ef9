import { z } from "@medusajs/framework/zod"
import { STAFF_ROLES } from "../../../modules/till/lib/staff"

/** `POST /admin/cashless/staff/:user_id`: the role (null takes it away) and, optionally, every point of sale. */
export const SetStaffSchema = z
  .object({
    role: z.enum(STAFF_ROLES, { error: `role must be one of ${STAFF_ROLES.join(", ")}, or null to take the role away` }).nullable(),
    point_of_sale_ids: z
      .array(z.string().trim().min(1, "a point of sale id must not be empty").max(100), {
        error: "point_of_sale_ids must be a list of point of sale ids",
      })
      .max(200, "point_of_sale_ids must hold at most 200 points of sale")
      .optional(),
  })
  .strict()
export type SetStaffBody = z.infer<typeof SetStaffSchema>
