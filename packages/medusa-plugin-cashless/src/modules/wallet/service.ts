import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { formatMinor, toSafeInteger } from "../../lib/money"
import { entryHash, HASH_VERSION, postingHash, requestHash } from "./lib/hash"
import { asPgFailure, LedgerError, PG, PgFailure } from "./lib/errors"
import {
  type AccountRow,
  type EntryRow,
  entryPostings,
  ensureSystemAccounts,
  existingWalletIds,
  findEntry,
  findEntryByKey,
  findReversalOf,
  insertWalletAccounts,
  lockWalletAccounts,
  type NewPosting,
  type PostingWithAccount,
  raw,
  resultOf,
  systemAccountId,
  writeEntry,
} from "./lib/ledger-store"
import { planSpend } from "./lib/spend-plan"
import { verifyLedger } from "./lib/verify"
import {
  CashlessAccount,
  CashlessAsset,
  CashlessJournalEntry,
  CashlessPosting,
  CashlessRefund,
  CashlessRefundPart,
  CashlessWallet,
} from "./models"
import {
  ADJUSTMENTS,
  type AdjustInput,
  type AssetConfig,
  type AssetRecord,
  type CloseOutInput,
  type CreditInput,
  type EntryKind,
  type EntryResult,
  GIFT_ISSUANCE,
  type GiftInput,
  type HistoryItem,
  type MergeInput,
  type RefundInput,
  type RefEntry,
  type ReverseInput,
  revenueAccount,
  type SourceCredit,
  type SpendInput,
  type TransferInput,
  type VerifyReport,
  type WalletBalance,
} from "./types"

export type WalletModuleOptions = {
  /** Assets the wallets hold; defaults to refundable euros and euro gift credit. */
  assets?: AssetConfig[]
  /** How long a write waits for a busy wallet before answering "busy, retry". */
  lockTimeoutMs?: number
  /** Largest amount of one operation, in minor units. */
  maxAmount?: number
}

export const DEFAULT_ASSETS: AssetConfig[] = [
  { code: "EUR", name: "Euros (refundable)", kind: "fiat", currency_code: "eur", spend_priority: 100 },
  { code: "EUR_GIFT", name: "Gift credit (euros)", kind: "gift", currency_code: "eur", spend_priority: 10 },
]

/** 1,000,000.00 in a 2-decimal currency: far above any cashless operation, far below 2^53. */
export const DEFAULT_MAX_AMOUNT = 100_000_000

export const assetIdFor = (code: string) => `casset_${code.toLowerCase()}`

type WalletLeg = { wallet_id: string; asset: AssetRecord; amount: number }
type SystemLeg = { system_code: string; asset: AssetRecord; amount: number }
type Leg = WalletLeg | SystemLeg
const isWalletLeg = (l: Leg): l is WalletLeg => "wallet_id" in l
const accountKey = (walletId: string, assetId: string) => `${walletId}|${assetId}`

type Plan = {
  walletIds: string[]
  assetIds: string[]
  legs: (accounts: Map<string, AccountRow>) => Leg[]
  reverses_id?: string | null
  /** When the legs come out empty, write nothing and answer null instead of refusing. */
  emptyIsNothing?: boolean
}

type EntrySpec = {
  kind: EntryKind
  idempotency_key: string
  request: Record<string, unknown>
  external_ref?: string | null
  actor?: string | null
  reason?: string | null
  resolve: (trx: Knex, assets: Map<string, AssetRecord>) => Promise<Plan>
}

type TransactionContext = Context & { transactionManager?: unknown }

export default class WalletModuleService extends MedusaService({
  CashlessAsset,
  CashlessWallet,
  CashlessAccount,
  CashlessJournalEntry,
  CashlessPosting,
  CashlessRefund,
  CashlessRefundPart,
}) {
  protected baseRepository_: unknown
  protected readonly assetConfig_: AssetConfig[]
  protected readonly lockTimeoutMs_: number
  protected readonly maxAmount_: number
  private assetCache_: Map<string, AssetRecord> | null = null
  private readonly knownSystemAccounts_ = new Set<string>()

  constructor(deps: { baseRepository: unknown }, options: WalletModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.baseRepository_ = deps.baseRepository
    this.assetConfig_ = options.assets?.length ? options.assets : DEFAULT_ASSETS
    this.lockTimeoutMs_ = Math.max(100, Math.floor(options.lockTimeoutMs ?? 5000))
    this.maxAmount_ = options.maxAmount ?? DEFAULT_MAX_AMOUNT
  }

  get maxAmount(): number {
    return this.maxAmount_
  }

  // ---------------------------------------------------------------- operations

  /** Money enters a wallet from an external account (online payment, cash, card terminal). */
  async credit(input: CreditInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult> {
    this.checkAmount_(input.amount)
    return this.postAgainstSystem_("credit", input, input.source, ctx)
  }

  /** Staff gives non-refundable credit, with a reason. */
  async issueGift(input: GiftInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult> {
    this.checkAmount_(input.amount)
    this.checkReason_(input.reason)
    return this.postAgainstSystem_("gift", input, GIFT_ISSUANCE, ctx, (asset) => {
      if (asset.kind !== "gift") throw LedgerError.invalid(`Asset ${asset.code} is ${asset.kind} money, not gift credit.`)
    })
  }

  /** A wallet pays a point of sale: gift credit first, then refundable money. */
  async spend(input: SpendInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult> {
    this.checkAmount_(input.amount)
    const currency = input.currency_code.toLowerCase()
    return this.post_(
      {
        kind: "spend",
        idempotency_key: input.idempotency_key,
        request: { ...input, currency_code: currency },
        external_ref: input.external_ref,
        actor: input.actor,
        resolve: async (_trx, assets) => {
          const spendable = [...assets.values()].filter((a) => a.currency_code === currency)
          if (!spendable.length) {
            throw LedgerError.invalid(`No asset in currency ${currency.toUpperCase()}.`)
          }
          return {
            walletIds: [input.wallet_id],
            assetIds: spendable.map((a) => a.id),
            legs: (accounts) => {
              const { takes } = planSpend(
                spendable.map((asset) => ({
                  asset,
                  balance: accounts.get(accountKey(input.wallet_id, asset.id))?.balance ?? 0,
                })),
                input.amount,
                currency
              )
              return takes.flatMap(({ asset, amount }) => [
                { wallet_id: input.wallet_id, asset, amount: -amount },
                { system_code: revenueAccount(input.point_of_sale), asset, amount },
              ])
            },
          }
        },
      },
      ctx
    )
  }

  async transfer(input: TransferInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult> {
    this.checkAmount_(input.amount)
    if (input.from_wallet_id === input.to_wallet_id) {
      throw LedgerError.invalid("A transfer needs two different wallets.")
    }
    return this.post_(
      {
        kind: "transfer",
        idempotency_key: input.idempotency_key,
        request: { ...input },
        external_ref: input.external_ref,
        actor: input.actor,
        reason: input.reason ?? null,
        resolve: async (_trx, assets) => {
          const asset = this.asset_(assets, input.asset_code)
          return {
            walletIds: [input.from_wallet_id, input.to_wallet_id],
            assetIds: [asset.id],
            legs: () => [
              { wallet_id: input.from_wallet_id, asset, amount: -input.amount },
              { wallet_id: input.to_wallet_id, asset, amount: input.amount },
            ],
          }
        },
      },
      ctx
    )
  }

  /** Staff correction of a balance, up or down, with a mandatory reason. */
  async adjust(input: AdjustInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult> {
    if (!Number.isSafeInteger(input.amount) || input.amount === 0) {
      throw LedgerError.invalid("An adjustment is a non-zero whole number of minor units.")
    }
    this.checkAmount_(Math.abs(input.amount))
    this.checkReason_(input.reason)
    return this.postAgainstSystem_("adjustment", input, ADJUSTMENTS, ctx)
  }

  /**
   * Refundable money leaves the wallet to an external account (back to online payments, out
   * of a cash drawer). Gift credit is refused: it was never paid for.
   */
  async refund(input: RefundInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult> {
    this.checkAmount_(input.amount)
    // The shape of a credit, the other way: out of the wallet into the destination.
    return this.postAgainstSystem_("refund", { ...input, amount: -input.amount }, input.destination, ctx, (asset) => {
      if (asset.kind !== "fiat") throw LedgerError.notRefundable(`${asset.name} is not refundable: only money paid in can go back.`)
    }, { ...input })
  }

  /**
   * The shape of credit, gift, adjustment and refund: `amount` of one asset moves from a system
   * account into the wallet (out of it when negative). `check` refuses an asset the operation
   * does not apply to; `request` is what the idempotency key is bound to (the caller's input).
   */
  private postAgainstSystem_(
    kind: EntryKind,
    input: { wallet_id: string; asset_code: string; amount: number; idempotency_key: string; external_ref?: string | null; actor?: string | null; reason?: string | null },
    systemCode: string,
    ctx: Context,
    check?: (asset: AssetRecord) => void,
    request: Record<string, unknown> = { ...input }
  ): Promise<EntryResult> {
    return this.post_(
      {
        kind,
        idempotency_key: input.idempotency_key,
        request,
        external_ref: input.external_ref,
        actor: input.actor,
        reason: input.reason ?? null,
        resolve: async (_trx, assets) => {
          const asset = this.asset_(assets, input.asset_code)
          check?.(asset)
          return {
            walletIds: [input.wallet_id],
            assetIds: [asset.id],
            legs: () => [
              { system_code: systemCode, asset, amount: -input.amount },
              { wallet_id: input.wallet_id, asset, amount: input.amount },
            ],
          }
        },
      },
      ctx
    )
  }

  /**
   * Empties a wallet given up, in one entry read under its accounts' locks (nothing spent or
   * paid in meanwhile is missed): refundable money of the currency to `destination`, gift
   * credit back to where it was issued from. Answers null when the wallet holds nothing.
   */
  async closeOut(input: CloseOutInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult | null> {
    this.checkReason_(input.reason)
    const currency = input.currency_code.toLowerCase()
    return this.postMaybe_(
      {
        kind: "close_out",
        idempotency_key: input.idempotency_key,
        request: { ...input, currency_code: currency },
        external_ref: input.external_ref,
        actor: input.actor,
        reason: input.reason,
        resolve: async (_trx, assets) => {
          const all = [...assets.values()]
          return {
            walletIds: [input.wallet_id],
            assetIds: all.map((a) => a.id),
            emptyIsNothing: true,
            legs: (accounts) =>
              all.flatMap((asset) => {
                const balance = accounts.get(accountKey(input.wallet_id, asset.id))?.balance ?? 0
                if (balance <= 0) return []
                if (asset.kind === "fiat" && asset.currency_code !== currency) {
                  throw LedgerError.invalid(
                    `The wallet holds ${formatMinor(balance, asset.currency_code)} of ${asset.name}: it can only be paid out in ${asset.currency_code.toUpperCase()}.`
                  )
                }
                return [
                  { wallet_id: input.wallet_id, asset, amount: -balance },
                  { system_code: asset.kind === "fiat" ? input.destination : GIFT_ISSUANCE, asset, amount: balance },
                ]
              }),
          }
        },
      },
      ctx
    )
  }

  /** Posts the opposite of an entry. Refused when its money has already left the wallet. */
  async reverse(input: ReverseInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult> {
    this.checkReason_(input.reason)
    return this.post_(
      {
        kind: "reversal",
        idempotency_key: input.idempotency_key,
        request: { ...input },
        external_ref: input.external_ref,
        actor: input.actor,
        reason: input.reason,
        resolve: async (trx, assets) => {
          const target = await findEntry(trx, input.entry_id)
          if (!target) throw LedgerError.notFound(`Entry ${input.entry_id} not found.`)
          if (target.kind === "reversal") {
            throw LedgerError.invalid(
              `Entry ${target.id} is itself a reversal; post the original operation again instead.`
            )
          }
          const by = await findReversalOf(trx, target.id)
          if (by) throw LedgerError.alreadyReversed(target.id, by)
          const postings = await entryPostings(trx, target.id)
          const byId = new Map([...assets.values()].map((a) => [a.id, a]))
          const assetOf = (p: PostingWithAccount) => {
            const asset = byId.get(p.asset_id)
            if (!asset) throw new Error(`asset ${p.asset_id} of posting ${p.id} is not configured`)
            return asset
          }
          return {
            walletIds: [...new Set(postings.filter((p) => p.wallet_id).map((p) => p.wallet_id!))],
            assetIds: [...new Set(postings.map((p) => p.asset_id))],
            reverses_id: target.id,
            legs: () =>
              postings.map((p): Leg =>
                p.wallet_id
                  ? { wallet_id: p.wallet_id, asset: assetOf(p), amount: -p.amount }
                  : { system_code: p.system_code!, asset: assetOf(p), amount: -p.amount }
              ),
          }
        },
      },
      ctx
    )
  }

  /**
   * Fusion: every balance of `from_wallet_id` moves to `to_wallet_id` in one entry, read
   * under the accounts' locks so that nothing paid in meanwhile stays behind. Answers null
   * when the wallet holds nothing (nothing is written).
   */
  async merge(input: MergeInput, @MedusaContext() ctx: Context = {}): Promise<EntryResult | null> {
    if (input.from_wallet_id === input.to_wallet_id) {
      throw LedgerError.invalid("A fusion needs two different wallets.")
    }
    return this.postMaybe_(
      {
        kind: "fusion",
        idempotency_key: input.idempotency_key,
        request: { ...input },
        external_ref: input.external_ref,
        actor: input.actor,
        reason: input.reason ?? null,
        resolve: async (_trx, assets) => {
          const all = [...assets.values()]
          return {
            walletIds: [input.from_wallet_id, input.to_wallet_id],
            assetIds: all.map((a) => a.id),
            emptyIsNothing: true,
            legs: (accounts) =>
              all.flatMap((asset) => {
                const balance = accounts.get(accountKey(input.from_wallet_id, asset.id))?.balance ?? 0
                return balance > 0
                  ? [
                      { wallet_id: input.from_wallet_id, asset, amount: -balance },
                      { wallet_id: input.to_wallet_id, asset, amount: balance },
                    ]
                  : []
              }),
          }
        },
      },
      ctx
    )
  }

  // ---------------------------------------------------------------- wallets and reads

  /**
   * Creates a wallet with an account for every configured asset. Given an `id`, creating it
   * again is harmless: that is how a card's wallet is made once under simultaneous first taps.
   */
  async createWallet(
    data: { id?: string; label?: string | null; metadata?: Record<string, unknown> | null } = {},
    @MedusaContext() ctx: Context = {}
  ): Promise<{ id: string; label: string | null }> {
    if (data.id !== undefined && !/^cwal_[A-Za-z0-9_]{1,80}$/.test(data.id)) {
      throw LedgerError.invalid(`A wallet id starts with "cwal_" and holds letters, digits and underscores only.`)
    }
    return this.run_(ctx, async (trx) => {
      const assets = await this.assets_(trx)
      const id = data.id ?? generateEntityId(undefined, "cwal")
      const now = new Date()
      const { rows } = await raw(trx, 
        `insert into cashless_wallet (id, label, metadata, created_at, updated_at) values (?, ?, ?, ?, ?)
         on conflict (id) do nothing returning id`,
        [id, data.label ?? null, data.metadata ? JSON.stringify(data.metadata) : null, now, now]
      )
      if (!rows.length) {
        const { rows: existing } = await raw(trx, `select id, label from cashless_wallet where id = ?`, [id])
        return { id, label: (existing[0]?.label as string | null) ?? null }
      }
      await insertWalletAccounts(
        trx,
        [...assets.values()].map((a) => ({ id: generateEntityId(undefined, "cacc"), wallet_id: id, asset_id: a.id }))
      )
      return { id, label: data.label ?? null }
    })
  }

  /**
   * The idempotency key for one more attempt of an operation that a failed workflow may have
   * reversed (a cart completion retried after its payment failed): the key of the attempt still
   * standing, so a retry of a success posts nothing new, or a fresh key once every earlier
   * attempt was reversed, so a new attempt really moves the money.
   */
  async attemptKey(base: string, @MedusaContext() ctx: Context = {}): Promise<string> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select e.idempotency_key,
                exists (select 1 from cashless_journal_entry r where r.reverses_id = e.id) as reversed
           from cashless_journal_entry e
          where e.idempotency_key = ? or starts_with(e.idempotency_key, ?)`,
        [base, `${base}:attempt-`]
      )
      const standing = rows.find((r: { reversed: boolean }) => !r.reversed)
      if (standing) return String(standing.idempotency_key)
      return rows.length ? `${base}:attempt-${rows.length + 1}` : base
    }, ctx)
  }

  async getBalances(
    walletIds: string[],
    @MedusaContext() ctx: Context = {}
  ): Promise<Record<string, WalletBalance[]>> {
    // A read: balances live on the account rows; nothing to look up or create first.
    return this.transact_(async (trx) => {
      const { rows } = await raw(trx, 
        `select a.wallet_id, s.code, s.kind, s.currency_code, a.balance
           from cashless_account a join cashless_asset s on s.id = a.asset_id
          where a.wallet_id = any(?) and a.deleted_at is null
          order by a.wallet_id, s.spend_priority, s.code`,
        [walletIds]
      )
      const out: Record<string, WalletBalance[]> = Object.fromEntries(walletIds.map((id) => [id, []]))
      for (const r of rows) {
        out[r.wallet_id].push({
          asset_code: r.code,
          kind: r.kind,
          currency_code: r.currency_code,
          balance: toSafeInteger(r.balance),
        })
      }
      return out
    }, ctx)
  }

  /**
   * The wallet and every wallet whose balances were moved into it by a fusion (a card's
   * anonymous wallet into its holder's), transitively: whose top-ups this wallet now holds.
   */
  async walletLineage(walletId: string, @MedusaContext() ctx: Context = {}): Promise<string[]> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `with recursive lineage(wallet_id) as (
           select ?::text
           union
           select src.wallet_id
             from lineage l
             join cashless_account dst_acc on dst_acc.wallet_id = l.wallet_id
             join cashless_posting dst on dst.account_id = dst_acc.id and dst.amount > 0
             join cashless_journal_entry e on e.id = dst.entry_id and e.kind = 'fusion'
             join cashless_posting src_p on src_p.entry_id = e.id and src_p.amount < 0
             join cashless_account src on src.id = src_p.account_id and src.wallet_id is not null
         )
         select wallet_id from lineage`,
        [walletId]
      )
      return rows.map((r: { wallet_id: string }) => r.wallet_id)
    }, ctx)
  }

  /**
   * Where a wallet's balances went by fusion, transitively (a card's anonymous wallet → its
   * holder's): the wallet that holds its money now. The wallet itself when never merged.
   */
  async fusedInto(walletId: string, @MedusaContext() ctx: Context = {}): Promise<string> {
    return this.transact_(async (trx) => {
      let current = walletId
      for (let hops = 0; hops < 20; hops++) {
        const { rows } = await raw(
          trx,
          `select dst_acc.wallet_id
             from cashless_account src_acc
             join cashless_posting src on src.account_id = src_acc.id and src.amount < 0
             join cashless_journal_entry e on e.id = src.entry_id and e.kind = 'fusion'
             join cashless_posting dst on dst.entry_id = e.id and dst.amount > 0
             join cashless_account dst_acc on dst_acc.id = dst.account_id and dst_acc.wallet_id <> src_acc.wallet_id
            where src_acc.wallet_id = ?
            order by e.created_at desc
            limit 1`,
          [current]
        )
        if (!rows.length) return current
        current = String(rows[0].wallet_id)
      }
      return current
    }, ctx)
  }

  /**
   * Money that came into these wallets from one external account (`online_payments`…), by
   * entries of `kind` that were not reversed, newest first.
   */
  async sourceCredits(
    walletIds: string[],
    source: string,
    kind: EntryKind = "credit",
    @MedusaContext() ctx: Context = {}
  ): Promise<SourceCredit[]> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select e.id as entry_id, a.wallet_id, s.code as asset_code, p.amount, e.external_ref, e.created_at
           from cashless_journal_entry e
           join cashless_posting p on p.entry_id = e.id
           join cashless_account a on a.id = p.account_id and a.wallet_id = any(?)
           join cashless_asset s on s.id = p.asset_id
          where e.kind = ?
            and exists (select 1 from cashless_posting sp join cashless_account sa on sa.id = sp.account_id
                         where sp.entry_id = e.id and sa.system_code = ?)
            and not exists (select 1 from cashless_journal_entry r where r.reverses_id = e.id)
          order by e.created_at desc, e.id desc`,
        [walletIds, kind, source]
      )
      return rows.map((r: Record<string, unknown>) => ({
        entry_id: String(r.entry_id),
        wallet_id: String(r.wallet_id),
        asset_code: String(r.asset_code),
        amount: Math.abs(toSafeInteger(r.amount as string)),
        external_ref: (r.external_ref as string | null) ?? null,
        created_at: new Date(r.created_at as string).toISOString(),
      }))
    }, ctx)
  }

  /**
   * Entries whose external reference starts with `prefix` (`order:<id> `), not reversed, one
   * row per wallet posting (amount signed as the wallet sees it): what the ledger did for one order.
   */
  async entriesByRef(prefix: string, @MedusaContext() ctx: Context = {}): Promise<RefEntry[]> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select e.id as entry_id, e.kind, a.wallet_id, s.code as asset_code, p.amount, e.external_ref, e.created_at
           from cashless_journal_entry e
           join cashless_posting p on p.entry_id = e.id
           join cashless_account a on a.id = p.account_id and a.wallet_id is not null
           join cashless_asset s on s.id = p.asset_id
          where e.external_ref like ? escape '\\'
            and e.kind <> 'reversal'
            and not exists (select 1 from cashless_journal_entry r where r.reverses_id = e.id)
          order by e.created_at, e.id`,
        [`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]
      )
      return rows.map((r: Record<string, unknown>) => ({
        entry_id: String(r.entry_id),
        kind: r.kind as EntryKind,
        wallet_id: String(r.wallet_id),
        asset_code: String(r.asset_code),
        amount: toSafeInteger(r.amount as string),
        external_ref: (r.external_ref as string | null) ?? null,
        created_at: new Date(r.created_at as string).toISOString(),
      }))
    }, ctx)
  }

  /**
   * What the operator owes its public: the sum of every wallet's balance, per asset, with the
   * number of wallets holding some. Equal to minus the sum of every system account's postings.
   */
  async outstanding(@MedusaContext() ctx: Context = {}): Promise<Array<{ asset_code: string; kind: string; currency_code: string; total: number; wallets: number }>> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select s.code, s.kind, s.currency_code, coalesce(sum(a.balance), 0) as total, count(*) filter (where a.balance <> 0) as wallets
           from cashless_asset s left join cashless_account a on a.asset_id = s.id and a.wallet_id is not null
          where s.deleted_at is null
          group by s.code, s.kind, s.currency_code, s.spend_priority order by s.currency_code, s.spend_priority desc, s.code`
      )
      return rows.map((r: Record<string, unknown>) => ({
        asset_code: String(r.code),
        kind: String(r.kind),
        currency_code: String(r.currency_code),
        total: toSafeInteger(r.total as string),
        wallets: Number(r.wallets),
      }))
    }, ctx)
  }

  /**
   * Every posting of the entries made in [from, to), oldest first: the ledger as an accountant
   * reads it, one line per account touched.
   */
  async ledgerExport(
    range: { from: Date; to: Date },
    @MedusaContext() ctx: Context = {}
  ): Promise<Array<{ entry_id: string; created_at: string; kind: string; external_ref: string | null; actor: string | null; reason: string | null; reverses_id: string | null; wallet_id: string | null; system_code: string | null; asset_code: string; amount: number }>> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(
        trx,
        `select e.id as entry_id, e.created_at, e.kind, e.external_ref, e.actor, e.reason, e.reverses_id,
                a.wallet_id, a.system_code, s.code as asset_code, p.amount
           from cashless_journal_entry e
           join cashless_posting p on p.entry_id = e.id
           join cashless_account a on a.id = p.account_id
           join cashless_asset s on s.id = p.asset_id
          where e.created_at >= ? and e.created_at < ?
          order by e.created_at, e.id, p.id`,
        [range.from, range.to]
      )
      return rows.map((r: Record<string, unknown>) => ({
        entry_id: String(r.entry_id),
        created_at: new Date(r.created_at as string).toISOString(),
        kind: String(r.kind),
        external_ref: (r.external_ref as string | null) ?? null,
        actor: (r.actor as string | null) ?? null,
        reason: (r.reason as string | null) ?? null,
        reverses_id: (r.reverses_id as string | null) ?? null,
        wallet_id: (r.wallet_id as string | null) ?? null,
        system_code: (r.system_code as string | null) ?? null,
        asset_code: String(r.asset_code),
        amount: toSafeInteger(r.amount as string),
      }))
    }, ctx)
  }

  /** Sum of a system account's postings: system accounts keep no stored balance. */
  async systemBalance(
    systemCode: string,
    assetCode: string,
    @MedusaContext() ctx: Context = {}
  ): Promise<number> {
    return this.transact_(async (trx) => {
      const { rows } = await raw(trx, 
        `select coalesce(sum(amount), 0) as total from cashless_posting where account_id = ?`,
        [systemAccountId(systemCode, assetIdFor(assetCode))]
      )
      return toSafeInteger(rows[0].total)
    }, ctx)
  }

  async listAssetRecords(@MedusaContext() ctx: Context = {}): Promise<AssetRecord[]> {
    return this.transact_(async (trx) => [...(await this.assets_(trx)).values()], ctx)
  }

  /** A wallet's postings, newest first; `cursor` is the last item's cursor of the previous page. */
  async walletHistory(
    walletId: string,
    opts: { limit?: number; cursor?: string | null; asset_code?: string | null } = {},
    @MedusaContext() ctx: Context = {}
  ): Promise<{ items: HistoryItem[]; next_cursor: string | null }> {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200)
    const after = opts.cursor ? decodeCursor(opts.cursor) : null
    return this.transact_(async (trx) => {
      const exists = await existingWalletIds(trx, [walletId])
      if (!exists.size) throw LedgerError.notFound(`Wallet ${walletId} not found.`)
      const { rows } = await raw(trx, 
        `select p.id, p.account_id, p.amount, p.sequence, p.balance_after, p.created_at, s.code as asset_code,
                e.id as entry_id, e.kind, e.external_ref, e.reason, e.reverses_id
           from cashless_posting p
           join cashless_account a on a.id = p.account_id
           join cashless_asset s on s.id = p.asset_id
           join cashless_journal_entry e on e.id = p.entry_id
          where a.wallet_id = ?
            and (?::text is null or s.code = ?)
            and (?::timestamptz is null or (p.created_at, p.id) < (?::timestamptz, ?))
          order by p.created_at desc, p.id desc
          limit ?`,
        [
          walletId,
          opts.asset_code ?? null,
          opts.asset_code ?? null,
          after?.at ?? null,
          after?.at ?? null,
          after?.id ?? null,
          limit + 1,
        ]
      )
      const page = rows.slice(0, limit)
      const items: HistoryItem[] = page.map((r: Record<string, unknown>) => ({
        id: String(r.id),
        account_id: String(r.account_id),
        wallet_id: walletId,
        system_code: null,
        asset_code: String(r.asset_code),
        amount: toSafeInteger(r.amount as string),
        sequence: toSafeInteger(r.sequence as string),
        balance_after: toSafeInteger(r.balance_after as string),
        entry_id: String(r.entry_id),
        kind: r.kind as HistoryItem["kind"],
        external_ref: (r.external_ref as string | null) ?? null,
        reason: (r.reason as string | null) ?? null,
        reverses_id: (r.reverses_id as string | null) ?? null,
        created_at: new Date(r.created_at as string).toISOString(),
      }))
      const last = page[page.length - 1]
      return {
        items,
        next_cursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at), last.id) : null,
      }
    }, ctx)
  }

  /** Recomputes every chain, entry hash and balance; names each row that disagrees. */
  async verify(@MedusaContext() ctx: Context = {}): Promise<VerifyReport> {
    return this.transact_((trx) => verifyLedger(trx), ctx)
  }

  // ---------------------------------------------------------------- the write path

  private async post_(spec: EntrySpec, ctx: TransactionContext): Promise<EntryResult> {
    const result = await this.postMaybe_(spec, ctx)
    if (!result) throw new Error(`${spec.kind} wrote no entry`)
    return result
  }

  private async postMaybe_(spec: EntrySpec, ctx: TransactionContext): Promise<EntryResult | null> {
    this.checkKey_(spec.idempotency_key)
    const hashOfRequest = requestHash({ kind: spec.kind, ...spec.request, idempotency_key: undefined, actor: undefined })
    let remember: string[] = []
    const result = await this.run_(ctx, (trx) => {
      remember = []
      return this.write_(trx, spec, hashOfRequest, remember)
    })
    remember.forEach((id) => this.knownSystemAccounts_.add(id))
    return result
  }

  /**
   * Runs `work` in a transaction. When the transaction is ours, it is retried after a
   * deadlock, a serialization failure, a concurrent insert of the same idempotency key (the
   * retry replays it) or a vanished cached row (a restored database); a lock timeout becomes
   * "wallet busy, retry".
   */
  private async run_<T>(ctx: TransactionContext, work: (trx: Knex) => Promise<T>): Promise<T> {
    const ownsTransaction = !ctx.transactionManager
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transact_(async (trx) => {
          try {
            return await work(trx)
          } catch (err) {
            throw asPgFailure(err)
          }
        }, ctx)
      } catch (err) {
        if (!(err instanceof PgFailure)) throw err
        if (err.pgCode === PG.foreignKeyViolation) this.forgetCaches_()
        const retryable =
          err.pgCode === PG.deadlock ||
          err.pgCode === PG.serializationFailure ||
          err.pgCode === PG.foreignKeyViolation ||
          (err.pgCode === PG.uniqueViolation && /idempotency_key|reverses_id/.test(err.constraint))
        if (ownsTransaction && retryable && attempt < 4) continue
        if (err.pgCode === PG.lockNotAvailable) throw LedgerError.walletBusy()
        throw err.original
      }
    }
  }

  private async write_(
    trx: Knex,
    spec: EntrySpec,
    hashOfRequest: string,
    remember: string[]
  ): Promise<EntryResult | null> {
    await raw(trx, `set local lock_timeout = ${this.lockTimeoutMs_}`)
    const replay = async () => {
      const existing = await findEntryByKey(trx, spec.idempotency_key)
      if (!existing) return null
      if (existing.request_hash !== hashOfRequest) throw LedgerError.idempotencyConflict(spec.idempotency_key)
      return resultOf(existing, await entryPostings(trx, existing.id), true)
    }
    const earlier = await replay()
    if (earlier) return earlier
    try {
      return await this.writeNew_(trx, spec, hashOfRequest, remember)
    } catch (err) {
      // A twin request with the same key may have held the wallet's lock while this one waited for
      // it, and spent what this one then finds missing. It has committed by now, and a new statement
      // sees it (read committed): this request is its replay, not a refusal. Looked up only when
      // refusing, so a sale that goes through pays nothing for it.
      if (!(err instanceof LedgerError && err.code === "insufficient_funds")) throw err
      const twin = await replay()
      if (twin) return twin
      throw err
    }
  }

  private async writeNew_(trx: Knex, spec: EntrySpec, hashOfRequest: string, remember: string[]): Promise<EntryResult | null> {
    const assets = await this.assets_(trx)
    const plan = await spec.resolve(trx, assets)
    const walletIds = [...new Set(plan.walletIds)]
    const locked = new Map<string, AccountRow>()
    for (const row of await lockWalletAccounts(trx, walletIds, plan.assetIds)) {
      locked.set(accountKey(row.wallet_id, row.asset_id), row)
    }
    const seen = new Set([...locked.values()].map((a) => a.wallet_id))
    const unseen = walletIds.filter((id) => !seen.has(id))
    if (unseen.length) {
      const found = await existingWalletIds(trx, unseen)
      const missing = unseen.filter((id) => !found.has(id))
      if (missing.length) throw LedgerError.notFound(`Wallet ${missing.join(", ")} not found.`)
    }

    const legs = mergeLegs(plan.legs(locked))
    if (!legs.length && plan.emptyIsNothing) return null
    // An asset configured after the wallet was created has no account yet: open it now.
    const toOpen = legs.filter(isWalletLeg).filter((l) => !locked.has(accountKey(l.wallet_id, l.asset.id)))
    if (toOpen.length) {
      await insertWalletAccounts(
        trx,
        toOpen.map((l) => ({ id: generateEntityId(undefined, "cacc"), wallet_id: l.wallet_id, asset_id: l.asset.id }))
      )
      const opened = await lockWalletAccounts(
        trx,
        [...new Set(toOpen.map((l) => l.wallet_id))],
        [...new Set(toOpen.map((l) => l.asset.id))]
      )
      opened.forEach((row) => locked.set(accountKey(row.wallet_id, row.asset_id), row))
    }
    const systemLegs = legs.filter((l): l is SystemLeg => !isWalletLeg(l))
    const unknownSystem = systemLegs.filter(
      (l) => !this.knownSystemAccounts_.has(systemAccountId(l.system_code, l.asset.id))
    )
    if (unknownSystem.length) {
      await ensureSystemAccounts(trx, unknownSystem.map((l) => ({ system_code: l.system_code, asset_id: l.asset.id })))
      unknownSystem.forEach((l) => remember.push(systemAccountId(l.system_code, l.asset.id)))
    }
    assertBalanced(legs)

    const createdAt = new Date()
    const entryId = generateEntityId(undefined, "cje")
    const postings: NewPosting[] = []
    const views: PostingWithAccount[] = []
    const updates: Array<{ id: string; balance: number; sequence: number; last_hash: string }> = []
    for (const leg of legs) {
      const id = generateEntityId(undefined, "cpost")
      if (isWalletLeg(leg)) {
        const account = locked.get(accountKey(leg.wallet_id, leg.asset.id))!
        const balance = account.balance + leg.amount
        if (balance < 0) {
          throw LedgerError.insufficientFunds(
            `Insufficient balance on wallet ${leg.wallet_id}: ${formatMinor(-leg.amount, leg.asset.currency_code)} ` +
              `of ${leg.asset.code} needed, ${formatMinor(account.balance, leg.asset.currency_code)} available.`
          )
        }
        const fields = {
          id,
          entry_id: entryId,
          account_id: account.id,
          asset_id: leg.asset.id,
          amount: leg.amount,
          sequence: account.sequence + 1,
          prev_hash: account.last_hash,
          balance_after: balance,
        }
        const hash = postingHash(fields)
        postings.push({ ...fields, hash })
        updates.push({ id: account.id, balance, sequence: fields.sequence, last_hash: hash })
        views.push({ ...fields, asset_code: leg.asset.code, wallet_id: leg.wallet_id, system_code: null })
      } else {
        const fields = {
          id,
          entry_id: entryId,
          account_id: systemAccountId(leg.system_code, leg.asset.id),
          asset_id: leg.asset.id,
          amount: leg.amount,
          sequence: null,
          prev_hash: null,
          balance_after: null,
        }
        postings.push({ ...fields, hash: postingHash(fields) })
        views.push({ ...fields, asset_code: leg.asset.code, wallet_id: null, system_code: leg.system_code })
      }
    }
    const entry: EntryRow = {
      id: entryId,
      kind: spec.kind,
      idempotency_key: spec.idempotency_key,
      request_hash: hashOfRequest,
      external_ref: spec.external_ref ?? null,
      actor: spec.actor ?? null,
      reason: spec.reason ?? null,
      reverses_id: plan.reverses_id ?? null,
      hash_version: HASH_VERSION,
      hash: "",
      created_at: createdAt,
    }
    entry.hash = entryHash(entry, postings.map((p) => p.hash))
    await writeEntry(trx, entry, postings, updates)
    return resultOf(entry, views, false)
  }

  // ---------------------------------------------------------------- helpers

  @InjectTransactionManager()
  protected async transact_<T>(
    work: (trx: Knex) => Promise<T>,
    @MedusaContext() ctx: Context = {}
  ): Promise<T> {
    const manager = ctx.transactionManager as { getTransactionContext(): Knex | undefined; getKnex(): Knex }
    return work(manager.getTransactionContext() ?? manager.getKnex())
  }

  /**
   * Configured assets, created on first use with ids derived from their codes. Cached only
   * once they were found already committed, so a rolled-back creation is never remembered.
   */
  private async assets_(trx: Knex): Promise<Map<string, AssetRecord>> {
    if (this.assetCache_) return this.assetCache_
    const read = async () => {
      const { rows } = await raw(trx, 
        `select id, code, name, kind, currency_code, spend_priority from cashless_asset where deleted_at is null`
      )
      return new Map<string, AssetRecord>(rows.map((r: AssetRecord) => [r.code, { ...r, spend_priority: Number(r.spend_priority) }]))
    }
    let assets = await read()
    const missing = this.assetConfig_.filter((a) => !assets.has(a.code))
    if (!missing.length) {
      this.assetCache_ = assets
      return assets
    }
    await raw(trx, 
      `insert into cashless_asset (id, code, name, kind, currency_code, spend_priority)
       select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
       on conflict do nothing`,
      [
        missing.map((a) => assetIdFor(a.code)),
        missing.map((a) => a.code),
        missing.map((a) => a.name),
        missing.map((a) => a.kind),
        missing.map((a) => a.currency_code.toLowerCase()),
        missing.map((a) => a.spend_priority),
      ]
    )
    assets = await read()
    return assets
  }

  private forgetCaches_() {
    this.assetCache_ = null
    this.knownSystemAccounts_.clear()
  }

  private asset_(assets: Map<string, AssetRecord>, code: string): AssetRecord {
    const asset = assets.get(code)
    if (!asset) {
      throw LedgerError.invalid(`Unknown asset "${code}". Known assets: ${[...assets.keys()].join(", ")}.`)
    }
    return asset
  }

  private checkAmount_(amount: number) {
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      throw LedgerError.invalid(`Amount must be a positive whole number of minor units (cents), got ${amount}.`)
    }
    if (amount > this.maxAmount_) {
      throw LedgerError.invalid(`Amount ${amount} is above the maximum of ${this.maxAmount_} minor units per operation.`)
    }
  }

  private checkReason_(reason: string | null | undefined) {
    if (!reason || !reason.trim()) throw LedgerError.invalid("A reason is required.")
  }

  private checkKey_(key: string) {
    if (!key || key.length > 200) {
      throw LedgerError.invalid("An idempotency key of 1 to 200 characters is required.")
    }
  }
}

/** Legs on the same account are summed; legs that cancel out are dropped. */
function mergeLegs(legs: Leg[]): Leg[] {
  const merged = new Map<string, Leg>()
  for (const leg of legs) {
    const key = isWalletLeg(leg) ? `w|${leg.wallet_id}|${leg.asset.id}` : `s|${leg.system_code}|${leg.asset.id}`
    const prior = merged.get(key)
    merged.set(key, prior ? { ...prior, amount: prior.amount + leg.amount } : { ...leg })
  }
  return [...merged.values()].filter((l) => l.amount !== 0)
}

function assertBalanced(legs: Leg[]) {
  const sums = new Map<string, number>()
  for (const leg of legs) sums.set(leg.asset.code, (sums.get(leg.asset.code) ?? 0) + leg.amount)
  for (const [asset, sum] of sums) {
    if (sum !== 0) throw new Error(`unbalanced entry: ${asset} legs sum to ${sum}`)
  }
  if (!legs.length) throw LedgerError.invalid("The operation moves no money.")
}

function encodeCursor(at: Date, id: string) {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url")
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|")
  if (!at || !id || Number.isNaN(Date.parse(at))) throw LedgerError.invalid("Invalid history cursor.")
  return { at, id }
}
