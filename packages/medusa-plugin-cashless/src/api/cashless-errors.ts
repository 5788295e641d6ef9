import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** HTTP status of each refusal code of the plugin's modules (ledger, cards, memberships, till, devices). */
const STATUS: Record<string, number> = {
  idempotency_conflict: 409,
  wallet_busy: 409,
  insufficient_funds: 400,
  already_reversed: 400,
  not_refundable: 400,
  refund_not_online: 400,
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
  // Memberships (modules/membership/lib/errors.ts)
  plan_not_found: 404,
  membership_not_found: 404,
  plan_archived: 409,
  variant_taken: 409,
  // Till (modules/till/lib/errors.ts) and staff roles (api/admin/staff-access.ts)
  pos_not_found: 404,
  session_not_found: 404,
  session_open: 409,
  session_closed: 409,
  no_open_session: 409,
  forbidden: 403,
  last_admin: 409,
  wallet_short: 402,
  tender_not_accepted: 400,
  card_blank: 409,
  till_sale: 409,
  // Devices (modules/device/lib/errors.ts)
  pairing_code_invalid: 401,
  pairing_code_expired: 401,
  pairing_code_used: 409,
  point_of_sale_archived: 409,
  device_not_found: 404,
  device_token_invalid: 401,
  device_revoked: 401,
  device_wrong_point_of_sale: 403,
  tap_stale: 409,
  invalid_card_uid: 400,
  // Tickets (modules/ticket/lib/errors.ts)
  event_not_found: 404,
  ticket_not_found: 404,
  product_taken: 409,
  ticket_not_refundable: 409,
  checked_in: 409,
}

/**
 * Answers a module's refusal with its own status and message. Medusa's error handler would
 * replace every 409 message with a generic one, which is wrong for a reused key.
 */
export async function withLedgerErrors(res: MedusaResponse, work: () => Promise<unknown>): Promise<void> {
  try {
    const body = await work()
    // A route that streamed its own answer (a CSV export) has nothing more to send.
    if (!res.headersSent) res.json(body)
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
