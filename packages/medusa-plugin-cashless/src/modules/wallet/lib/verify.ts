import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { toSafeInteger } from "../../../lib/money"
import type { VerifyIssue, VerifyReport } from "../types"
import { entryHash, postingHash } from "./hash"
import { type NewPosting, raw } from "./ledger-store"

const BATCH = 1000

type PostingRow = NewPosting

const num = (v: unknown) => (v == null ? null : toSafeInteger(v as string))

const toPosting = (r: Record<string, unknown>): PostingRow => ({
  id: String(r.id),
  entry_id: String(r.entry_id),
  account_id: String(r.account_id),
  asset_id: String(r.asset_id),
  amount: toSafeInteger(r.amount as string),
  sequence: num(r.sequence),
  prev_hash: (r.prev_hash as string | null) ?? null,
  balance_after: num(r.balance_after),
  hash: String(r.hash),
})

/**
 * Reads the whole ledger in batches, in one read-only snapshot, and checks:
 * every posting's hash; every entry's hash and that its postings sum to zero per asset;
 * every wallet account's chain (contiguous sequence, previous hashes, running balance)
 * and its stored balance, sequence and last hash.
 */
export async function verifyLedger(trx: Knex): Promise<VerifyReport> {
  const started = Date.now()
  await raw(trx, "set transaction isolation level repeatable read, read only")
  const issues: VerifyIssue[] = []
  const checked = { entries: 0, postings: 0, accounts: 0 }

  let lastEntry = ""
  for (;;) {
    const { rows: entries } = await raw(trx, 
      `select * from cashless_journal_entry where id > ? order by id limit ?`,
      [lastEntry, BATCH]
    )
    if (!entries.length) break
    lastEntry = entries[entries.length - 1].id
    const { rows } = await raw(trx, `select * from cashless_posting where entry_id = any(?)`, [
      entries.map((e: { id: string }) => e.id),
    ])
    const byEntry = new Map<string, PostingRow[]>()
    for (const row of rows.map(toPosting)) {
      byEntry.set(row.entry_id, [...(byEntry.get(row.entry_id) ?? []), row])
    }
    for (const e of entries) {
      checked.entries++
      const postings = byEntry.get(e.id) ?? []
      checked.postings += postings.length
      if (!postings.length) issues.push({ table: "cashless_journal_entry", id: e.id, problem: "has no postings" })
      const sums = new Map<string, number>()
      for (const p of postings) {
        sums.set(p.asset_id, (sums.get(p.asset_id) ?? 0) + p.amount)
        if (postingHash(p) !== p.hash) {
          issues.push({ table: "cashless_posting", id: p.id, problem: "hash does not match the posting's content" })
        }
      }
      for (const [asset, sum] of sums) {
        if (sum !== 0) {
          issues.push({
            table: "cashless_journal_entry",
            id: e.id,
            problem: `postings of asset ${asset} sum to ${sum}, not 0`,
          })
        }
      }
      const expected = entryHash(
        { ...e, created_at: new Date(e.created_at) },
        postings.map((p) => p.hash),
        Number(e.hash_version)
      )
      if (expected !== e.hash) {
        issues.push({
          table: "cashless_journal_entry",
          id: e.id,
          problem: "hash does not match the entry and its postings (a posting was changed, added or removed)",
        })
      }
    }
  }

  let lastAccount = ""
  for (;;) {
    const { rows: accounts } = await raw(trx, 
      `select id, balance, sequence, last_hash from cashless_account
        where wallet_id is not null and id > ? order by id limit ?`,
      [lastAccount, BATCH]
    )
    if (!accounts.length) break
    lastAccount = accounts[accounts.length - 1].id
    const { rows } = await raw(trx, 
      `select * from cashless_posting where account_id = any(?) order by account_id, sequence`,
      [accounts.map((a: { id: string }) => a.id)]
    )
    const byAccount = new Map<string, PostingRow[]>()
    for (const row of rows.map(toPosting)) {
      byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row])
    }
    for (const a of accounts) {
      checked.accounts++
      checkChain(a, byAccount.get(a.id) ?? [], issues)
    }
  }

  return { ok: issues.length === 0, checked, issues, duration_ms: Date.now() - started }
}

function checkChain(
  account: { id: string; balance: string; sequence: string; last_hash: string | null },
  postings: PostingRow[],
  issues: VerifyIssue[]
) {
  let sequence = 0
  let previousHash: string | null = null
  let balance = 0
  for (const p of postings) {
    if (p.sequence !== sequence + 1) {
      issues.push({
        table: "cashless_account",
        id: account.id,
        problem:
          p.sequence! > sequence + 1
            ? `chain breaks: sequence ${sequence + 1}${p.sequence! - 1 > sequence + 1 ? `–${p.sequence! - 1}` : ""} missing before posting ${p.id}`
            : `chain breaks: posting ${p.id} repeats sequence ${p.sequence}`,
      })
    } else if (p.prev_hash !== previousHash) {
      issues.push({ table: "cashless_posting", id: p.id, problem: "previous hash does not match the posting before it" })
    }
    if (p.balance_after !== balance + p.amount && p.sequence === sequence + 1) {
      issues.push({
        table: "cashless_posting",
        id: p.id,
        problem: `balance after is ${p.balance_after}, but the previous balance ${balance} plus ${p.amount} is ${balance + p.amount}`,
      })
    }
    // Continue from what the row says, so one bad row is reported once, not at every later row.
    sequence = p.sequence ?? sequence
    previousHash = p.hash
    balance = p.balance_after ?? balance + p.amount
  }
  const stored = toSafeInteger(account.balance)
  if (stored !== balance) {
    issues.push({
      table: "cashless_account",
      id: account.id,
      problem: `stored balance is ${stored}, but its postings end at ${balance}`,
    })
  }
  if (toSafeInteger(account.sequence) !== sequence || (account.last_hash ?? null) !== previousHash) {
    issues.push({
      table: "cashless_account",
      id: account.id,
      problem: `stored chain head (sequence ${account.sequence}) does not match its last posting (sequence ${sequence})`,
    })
  }
}
