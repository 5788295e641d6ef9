import { MedusaError } from "@medusajs/framework/utils"

export type TillErrorCode =
  | "pos_not_found"
  | "session_not_found"
  | "session_open"
  | "session_closed"
  | "no_open_session"
  | "forbidden"
  | "wallet_short"
  | "tender_not_accepted"
  | "invalid"
  | "idempotency_conflict"
  | "last_admin"
  | "card_blank"
  | "till_sale"

const TYPES: Record<TillErrorCode, string> = {
  pos_not_found: MedusaError.Types.NOT_FOUND,
  session_not_found: MedusaError.Types.NOT_FOUND,
  session_open: MedusaError.Types.CONFLICT,
  session_closed: MedusaError.Types.CONFLICT,
  no_open_session: MedusaError.Types.CONFLICT,
  forbidden: MedusaError.Types.NOT_ALLOWED,
  wallet_short: MedusaError.Types.NOT_ALLOWED,
  tender_not_accepted: MedusaError.Types.INVALID_DATA,
  invalid: MedusaError.Types.INVALID_DATA,
  idempotency_conflict: MedusaError.Types.CONFLICT,
  last_admin: MedusaError.Types.CONFLICT,
  card_blank: MedusaError.Types.CONFLICT,
  till_sale: MedusaError.Types.CONFLICT,
}

/** A refusal of the till, with a code the routes map to a status (api/cashless-errors.ts). */
export class TillError extends MedusaError {
  constructor(code: TillErrorCode, message: string) {
    super(TYPES[code], message, code)
  }
}
