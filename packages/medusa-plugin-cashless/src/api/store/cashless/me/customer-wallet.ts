import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The logged-in customer's wallet id (through the customer link), or null before they have one. */
export async function customerWalletId(req: AuthenticatedMedusaRequest): Promise<string | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "cashless_wallet.id"], filters: { id: req.auth_context.actor_id } })
  return (data[0] as { cashless_wallet?: { id: string } | null } | undefined)?.cashless_wallet?.id ?? null
}
