import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** Who did it, as recorded on ledger entries. */
export const actorOf = (req: AuthenticatedMedusaRequest) =>
  req.auth_context?.actor_id ? `${req.auth_context.actor_type}:${req.auth_context.actor_id}` : null

const STATUS: Record<string, number> = {
  idempotency_conflict: 409,
  wallet_busy: 409,
  insufficient_funds: 400,
  already_reversed: 400,
  invalid: 400,
  not_found: 404,
  // Cards (modules/card/lib/errors.ts)
  card_not_registered: 404,
  card_not_found: 404,
  card_unusable: 409,
  claim_mismatch: 400,
  already_bound: 409,
  anti_theft: 409,
  card_limit: 409,
}

/**
 * Answers a ledger refusal with its own status and message. Medusa's error handler would
 * replace every 409 message with a generic one, which is wrong for a reused key.
 */
export async function withLedgerErrors(res: MedusaResponse, work: () => Promise<unknown>): Promise<void> {
  try {
    res.json(await work())
  } catch (err) {
    // Errors come out of the workflow engine as plain objects, not Error instances.
    const { code, type, message } = (err ?? {}) as { code?: string; type?: string; message?: string }
    if (code && STATUS[code] && typeof message === "string") {
      res.status(STATUS[code]).json({ type: type ?? MedusaError.Types.INVALID_DATA, code, message })
      return
    }
    throw err
  }
}
