import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"

/** Who did it, as recorded on ledger entries. */
export const actorOf = (req: AuthenticatedMedusaRequest) =>
  req.auth_context?.actor_id ? `${req.auth_context.actor_type}:${req.auth_context.actor_id}` : null

/** Kept here for the admin routes; shared with the store routes from api/cashless-errors.ts. */
export { withLedgerErrors } from "../../cashless-errors"
