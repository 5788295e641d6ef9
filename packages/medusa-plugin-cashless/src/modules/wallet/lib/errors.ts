import { MedusaError } from "@medusajs/framework/utils"

export type LedgerErrorCode =
  | "insufficient_funds"
  | "idempotency_conflict"
  | "wallet_busy"
  | "not_found"
  | "invalid"
  | "already_reversed"
  | "not_refundable"

/**
 * A refusal of the ledger. `code` survives the workflow engine (it is a plain property of a
 * MedusaError) so that routes can answer with the right status and a readable body.
 */
export class LedgerError extends MedusaError {
  constructor(type: string, message: string, code: LedgerErrorCode) {
    super(type, message, code)
  }

  static insufficientFunds(message: string) {
    return new LedgerError(MedusaError.Types.NOT_ALLOWED, message, "insufficient_funds")
  }

  static idempotencyConflict(key: string) {
    return new LedgerError(
      MedusaError.Types.CONFLICT,
      `The idempotency key "${key}" was already used for a different request; use a new key for a new operation.`,
      "idempotency_conflict"
    )
  }

  static walletBusy() {
    return new LedgerError(
      MedusaError.Types.CONFLICT,
      "The wallet is busy with another operation; retry with the same idempotency key.",
      "wallet_busy"
    )
  }

  static notFound(message: string) {
    return new LedgerError(MedusaError.Types.NOT_FOUND, message, "not_found")
  }

  static invalid(message: string) {
    return new LedgerError(MedusaError.Types.INVALID_DATA, message, "invalid")
  }

  static notRefundable(message: string) {
    return new LedgerError(MedusaError.Types.NOT_ALLOWED, message, "not_refundable")
  }

  static alreadyReversed(entryId: string, byId: string) {
    return new LedgerError(
      MedusaError.Types.NOT_ALLOWED,
      `Entry ${entryId} was already reversed by entry ${byId}.`,
      "already_reversed"
    )
  }
}

/** PostgreSQL error codes the ledger reacts to. */
export const PG = {
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  checkViolation: "23514",
  lockNotAvailable: "55P03",
  deadlock: "40P01",
  serializationFailure: "40001",
} as const

/**
 * A PostgreSQL failure carried out of a transaction intact. Medusa's transaction wrapper maps
 * unique and foreign-key violations to generic errors by their `code`; this one has none.
 */
export class PgFailure extends Error {
  constructor(
    readonly pgCode: string,
    readonly constraint: string,
    readonly original: unknown
  ) {
    super(`PostgreSQL error ${pgCode}${constraint ? ` on ${constraint}` : ""}`)
  }
}

export function asPgFailure(err: unknown): unknown {
  const code = pgCode(err)
  return code ? new PgFailure(code, pgConstraint(err), err) : err
}

export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } }
  const code = typeof e?.code === "string" ? e.code : typeof e?.cause?.code === "string" ? e.cause.code : undefined
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

export function pgConstraint(err: unknown): string {
  const e = err as { constraint?: unknown; cause?: { constraint?: unknown } }
  return String(e?.constraint ?? e?.cause?.constraint ?? "")
}
