import { z } from "@medusajs/framework/zod"
import { component, minor } from "./registry"

/**
 * A refusal: `{ type, code?, message }` (cashless-errors.ts, and Medusa's own error handler).
 * Open to more fields: a 402 `wallet_short` or a 502 refund adds what the caller needs to go on.
 */
export const ErrorBody = component(
  "Error",
  z.looseObject({ type: z.string(), code: z.string().optional(), message: z.string() })
)

export const AssetKind = z.enum(["fiat", "gift"])

/** One asset's balance of a wallet (modules/wallet/types.ts `WalletBalance`). */
export const Balance = component(
  "Balance",
  z.strictObject({ asset_code: z.string(), kind: AssetKind, currency_code: z.string(), balance: minor })
)

export const CardStatus = z.enum(["new", "active", "lost", "blocked", "voided"])
export const ValidityStatus = z.enum(["valid", "expired", "none"])

export const Ok = component("Ok", z.strictObject({ ok: z.literal(true) }))
