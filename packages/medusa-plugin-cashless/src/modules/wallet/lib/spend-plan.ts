import { formatMinor } from "../../../lib/money"
import type { AssetRecord } from "../types"
import { LedgerError } from "./errors"

export type SpendableAccount = { asset: AssetRecord; balance: number }

/**
 * Takes `amount` from the accounts in ascending spend priority (gift before fiat).
 * Refuses, naming what is missing, when the accounts together hold less.
 */
export function planSpend(accounts: SpendableAccount[], amount: number, currencyCode: string) {
  const ordered = [...accounts].sort(
    (a, b) => a.asset.spend_priority - b.asset.spend_priority || a.asset.code.localeCompare(b.asset.code)
  )
  const spendable = ordered.reduce((sum, a) => sum + a.balance, 0)
  if (spendable < amount) {
    const missing = amount - spendable
    throw LedgerError.insufficientFunds(
      `Insufficient balance: ${formatMinor(amount, currencyCode)} requested, ` +
        `${formatMinor(spendable, currencyCode)} spendable, ${formatMinor(missing, currencyCode)} missing.`
    )
  }
  const takes: Array<{ asset: AssetRecord; amount: number }> = []
  let remaining = amount
  for (const account of ordered) {
    if (remaining === 0) break
    const take = Math.min(account.balance, remaining)
    if (take > 0) {
      takes.push({ asset: account.asset, amount: take })
      remaining -= take
    }
  }
  return { takes, spendable }
}
