import { randomBytes } from "node:crypto"

/**
 * The token printed as a QR code on a card. Random (160 bits), URL-safe, and unrelated to
 * the UID, so that reading a card's chip tells nothing about its token and the reverse.
 */
export const QR_TOKEN_BYTES = 20

export function generateQrToken(): string {
  return randomBytes(QR_TOKEN_BYTES).toString("base64url")
}

/** Imported tokens must carry at least 128 bits: 22 base64url characters or more. */
export function isAcceptableQrToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{22,128}$/.test(token)
}
