import { MedusaError } from "@medusajs/framework/utils"

export type CardErrorCode =
  | "card_not_registered"
  | "card_not_found"
  | "card_unusable"
  | "claim_mismatch"
  | "already_bound"
  | "anti_theft"
  | "card_limit"
  | "invalid"
  | "idempotency_conflict"

/**
 * A refusal about a card. Like ledger errors, `code` survives the workflow engine so that
 * routes answer with the right status (see api/cashless-errors.ts) and this message.
 */
export class CardError extends MedusaError {
  constructor(type: string, message: string, code: CardErrorCode) {
    super(type, message, code)
  }

  static notRegistered(uid: string) {
    return new CardError(
      MedusaError.Types.NOT_FOUND,
      `Card ${uid} is not registered. Import its batch in Cashless › Cards, or hand out a registered card.`,
      "card_not_registered"
    )
  }

  static notFound(message = "Card not found.") {
    return new CardError(MedusaError.Types.NOT_FOUND, message, "card_not_found")
  }

  static unusable(message: string) {
    return new CardError(MedusaError.Types.NOT_ALLOWED, message, "card_unusable")
  }

  static claimMismatch() {
    return new CardError(
      MedusaError.Types.INVALID_DATA,
      "This QR code and printed number do not belong to the same card. Check the number printed on the card.",
      "claim_mismatch"
    )
  }

  static alreadyBound() {
    return new CardError(
      MedusaError.Types.NOT_ALLOWED,
      "This card is already bound to another account. If it is yours, ask staff at the till.",
      "already_bound"
    )
  }

  static antiTheft(otherCard: string) {
    return new CardError(
      MedusaError.Types.NOT_ALLOWED,
      `You already hold card ${otherCard} and your wallet has money on it. To protect that money, a second card ` +
        `is not bound automatically: declare card ${otherCard} lost first, or ask staff at the till.`,
      "anti_theft"
    )
  }

  static cardLimit(otherCard: string) {
    return new CardError(
      MedusaError.Types.NOT_ALLOWED,
      `You already hold card ${otherCard}, and one card per person is allowed here. Declare it lost to move to this card.`,
      "card_limit"
    )
  }

  static invalid(message: string) {
    return new CardError(MedusaError.Types.INVALID_DATA, message, "invalid")
  }

  static idempotencyConflict(key: string) {
    return new CardError(
      MedusaError.Types.CONFLICT,
      `The idempotency key "${key}" was already used for a different import; use a new key for a new import.`,
      "idempotency_conflict"
    )
  }
}
