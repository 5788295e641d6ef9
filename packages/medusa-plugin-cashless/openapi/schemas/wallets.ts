import { z } from "@medusajs/framework/zod"
import { AssetKind, Balance } from "./common"
import { Refund } from "./refunds"
import { component, isoDate, minor, nullableDate } from "./registry"

const id = z.string()
const EntryKind = z.enum(["credit", "gift", "spend", "transfer", "adjustment", "reversal", "fusion", "refund", "close_out"])

/** api/admin/cashless/wallets/wallet-view.ts */
export const Wallet = component(
  "Wallet",
  z.strictObject({
    id,
    label: z.string().nullable(),
    created_at: nullableDate,
    customer: z.strictObject({ id, email: z.string().nullable(), name: z.string().nullable() }).nullable(),
    balances: z.array(Balance),
  })
)
export const WalletAnswer = component("WalletAnswer", z.strictObject({ wallet: Wallet }))
export const NullableWalletAnswer = component("NullableWalletAnswer", z.strictObject({ wallet: Wallet.nullable() }))
export const WalletList = component(
  "WalletList",
  z.strictObject({ wallets: z.array(Wallet), count: z.number().int(), limit: z.number().int(), offset: z.number().int() })
)

/** modules/wallet/types.ts `PostingView`: a wallet posting has a sequence and a balance after it, a system one neither. */
const Posting = z.strictObject({
  id,
  account_id: id,
  wallet_id: z.string().nullable(),
  system_code: z.string().nullable(),
  asset_code: z.string(),
  amount: minor,
  sequence: z.number().int().nullable(),
  balance_after: minor.nullable(),
})

/** modules/wallet/types.ts `EntryResult`: the entry, its postings and the balances after it. */
export const EntryResult = component(
  "EntryResult",
  z.strictObject({
    entry: z.strictObject({
      id,
      kind: EntryKind,
      idempotency_key: z.string(),
      external_ref: z.string().nullable(),
      actor: z.string().nullable(),
      reason: z.string().nullable(),
      reverses_id: z.string().nullable(),
      created_at: isoDate,
      hash: z.string(),
    }),
    postings: z.array(Posting),
    /** wallet id → asset code → balance after the entry. */
    balances: z.record(z.string(), z.record(z.string(), minor)),
    replayed: z.boolean(),
  })
)

/** modules/wallet/types.ts `HistoryItem`, newest first; `next_cursor` null on the last page. */
export const History = component(
  "History",
  z.strictObject({
    items: z.array(
      Posting.extend({
        entry_id: id,
        kind: EntryKind,
        external_ref: z.string().nullable(),
        reason: z.string().nullable(),
        reverses_id: z.string().nullable(),
        created_at: isoDate,
      })
    ),
    next_cursor: z.string().nullable(),
  })
)

export const RefundList = component("RefundList", z.strictObject({ refunds: z.array(Refund) }))
/** lib/refund-sources.ts `TopUpPayment` with its order: what each online payment credited, what went back, what still can. */
export const TopUpPayments = component(
  "TopUpPayments",
  z.strictObject({
    top_ups: z.array(
      z.strictObject({
        payment_id: id,
        order_id: id,
        credited_at: isoDate,
        currency_code: z.string(),
        credited: minor,
        refunded: minor,
        payment_remaining: minor,
        provider_id: z.string().nullable(),
        refundable: minor,
        order: z.strictObject({ id, display_id: z.number().int(), status: z.string(), email: z.string().nullable() }).nullable(),
      })
    ),
  })
)

export const VerifyReport = component(
  "VerifyReport",
  z.strictObject({
    ok: z.boolean(),
    checked: z.strictObject({ entries: z.number().int(), postings: z.number().int(), accounts: z.number().int() }),
    issues: z.array(z.strictObject({ table: z.string(), id: z.string(), problem: z.string() })),
    duration_ms: z.number(),
  })
)

/** modules/wallet/types.ts `AssetRecord`. */
export const Assets = component(
  "Assets",
  z.strictObject({
    assets: z.array(z.strictObject({ id, code: z.string(), name: z.string(), kind: AssetKind, currency_code: z.string(), spend_priority: z.number().int() })),
  })
)
