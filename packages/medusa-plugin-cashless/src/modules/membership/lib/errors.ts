import { MedusaError } from "@medusajs/framework/utils"

export type MembershipErrorCode =
  | "plan_not_found"
  | "membership_not_found"
  | "plan_archived"
  | "variant_taken"
  | "members_only"
  | "invalid"
  | "idempotency_conflict"

/** A refusal about a plan or membership; `code` picks the HTTP status (api/cashless-errors.ts). */
export class MembershipError extends MedusaError {
  constructor(type: string, message: string, code: MembershipErrorCode) {
    super(type, message, code)
  }

  static planNotFound(id: string) {
    return new MembershipError(MedusaError.Types.NOT_FOUND, `Membership plan ${id} not found.`, "plan_not_found")
  }

  static notFound(id: string) {
    return new MembershipError(MedusaError.Types.NOT_FOUND, `Membership ${id} not found.`, "membership_not_found")
  }

  static archived(name: string) {
    return new MembershipError(
      MedusaError.Types.NOT_ALLOWED,
      `The plan "${name}" is archived: it grants no new memberships. Unarchive it first.`,
      "plan_archived"
    )
  }

  static variantTaken(variantId: string, planName: string) {
    return new MembershipError(
      MedusaError.Types.NOT_ALLOWED,
      `Variant ${variantId} already sells the plan "${planName}": a variant sells one plan only.`,
      "variant_taken"
    )
  }

  static invalid(message: string) {
    return new MembershipError(MedusaError.Types.INVALID_DATA, message, "invalid")
  }

  static idempotencyConflict(ref: string) {
    return new MembershipError(
      MedusaError.Types.CONFLICT,
      `"${ref}" already granted a different membership; use a new idempotency key for a new grant.`,
      "idempotency_conflict"
    )
  }
}
