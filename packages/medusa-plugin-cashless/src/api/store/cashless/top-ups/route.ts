import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startTopUpWorkflow } from "../../../../workflows/top-up/top-up-workflows"
import { withLedgerErrors } from "../../../cashless-errors"
import type { StartTopUpBody } from "../validators"

/**
 * Puts a top-up in the cart: `amount` in minor units, for the card of `qr_token` (no account
 * needed) or the logged-in customer's own wallet. The wallet is credited when the order's payment
 * is captured, which the plugin does at once for a cart of top-ups and memberships.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StartTopUpBody>, res: MedusaResponse) =>
  withLedgerErrors(res, async () => {
    const body = req.validatedBody
    const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
    await startTopUpWorkflow(req.scope).run({
      input: { cart_id: body.cart_id, amount: body.amount, qr_token: body.qr_token ?? null, customer_id: customerId },
    })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "currency_code", "total", "items.id", "items.title", "items.unit_price", "items.quantity", "items.metadata"],
      filters: { id: body.cart_id },
    })
    res.status(201)
    return { cart: data[0] }
  })
