import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deviceOf } from "../../device-auth"
import { pointOfSaleNames } from "../../device-view"

/** The reader's own pairing, for the agent's `doctor` (the middleware marked it seen). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const device = deviceOf(req)
  const names = await pointOfSaleNames(req.scope, [device.point_of_sale_id])
  res.json({
    device: {
      id: device.id,
      name: device.name,
      point_of_sale: { id: device.point_of_sale_id, name: names.get(device.point_of_sale_id) ?? device.point_of_sale_id },
      paired_at: device.paired_at,
      last_seen_at: device.last_seen_at,
    },
  })
}
