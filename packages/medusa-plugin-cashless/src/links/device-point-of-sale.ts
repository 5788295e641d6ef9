import { defineLink } from "@medusajs/framework/utils"
import DeviceModule from "../modules/device"
import TillModule from "../modules/till"

/** The point of sale a reader works for. Stored on the device (`point_of_sale_id`), so read-only: no link table. */
export default defineLink(
  { linkable: DeviceModule.linkable.cashlessDevice, field: "point_of_sale_id" },
  TillModule.linkable.cashlessPointOfSale,
  { readOnly: true }
)
