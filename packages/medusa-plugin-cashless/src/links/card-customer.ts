import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CardModule from "../modules/card"

/** The card's holder. Stored on the card (`customer_id`) with the card's other state. */
export default defineLink(
  { linkable: CardModule.linkable.cashlessCard, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
