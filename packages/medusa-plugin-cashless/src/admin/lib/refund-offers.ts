import type { TopUpRow } from "./refunds"
import type { WalletBalance } from "./wallets"

/** What can go back online in one currency: the top-ups' `refundable`, added up. */
export const refundableOnline = (topUps: TopUpRow[], currencyCode: string) =>
  topUps.filter((t) => t.currency_code === currencyCode).reduce((sum, t) => sum + t.refundable, 0)

/** What one refundable currency of the wallet allows: the lower of its balance and what can go back online. */
export type RefundOffer = { currency_code: string; balance: number; online: number; max: number }

export const refundOffers = (balances: WalletBalance[], topUps: TopUpRow[]): RefundOffer[] =>
  balances
    .filter((b) => b.kind === "fiat")
    .map((b) => {
      const online = refundableOnline(topUps, b.currency_code)
      return { currency_code: b.currency_code, balance: b.balance, online, max: Math.max(0, Math.min(online, b.balance)) }
    })

/** Why the Refund action is off, or null when some money can go back online. */
export function refundBlockedReason(offers: RefundOffer[], topUps: TopUpRow[]): string | null {
  if (offers.some((o) => o.max > 0)) return null
  if (topUps.length === 0) return "This wallet was never topped up online: its money is refunded in cash at a till."
  if (offers.every((o) => o.online === 0)) {
    return "Every online top-up has already gone back: what the wallet still holds is refunded in cash at a till."
  }
  return "The wallet holds no refundable money (gift credit is never refunded)."
}
