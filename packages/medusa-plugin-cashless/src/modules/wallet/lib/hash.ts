import { createHash } from "node:crypto"

/**
 * Canonical forms of the tamper-evident chain. Version 1: a JSON array of fixed field order,
 * hashed with SHA-256. Changing anything here needs a new version number, never an edit.
 */
export const HASH_VERSION = 1

export type PostingHashFields = {
  id: string
  entry_id: string
  account_id: string
  asset_id: string
  amount: number
  sequence: number | null
  prev_hash: string | null
  balance_after: number | null
}

export type EntryHashFields = {
  id: string
  kind: string
  idempotency_key: string
  request_hash: string
  external_ref: string | null
  actor: string | null
  reason: string | null
  reverses_id: string | null
  created_at: Date
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

export function postingHash(p: PostingHashFields, version = HASH_VERSION): string {
  if (version !== 1) throw new Error(`unknown posting hash version ${version}`)
  return sha256(
    JSON.stringify([
      "posting",
      1,
      p.id,
      p.entry_id,
      p.account_id,
      p.asset_id,
      String(p.amount),
      p.sequence,
      p.prev_hash,
      p.balance_after === null ? null : String(p.balance_after),
    ])
  )
}

/** Covers the entry and every one of its postings (system ones included), in any order. */
export function entryHash(e: EntryHashFields, postingHashes: string[], version = HASH_VERSION): string {
  if (version !== 1) throw new Error(`unknown entry hash version ${version}`)
  return sha256(
    JSON.stringify([
      "entry",
      1,
      e.id,
      e.kind,
      e.idempotency_key,
      e.request_hash,
      e.external_ref,
      e.actor,
      e.reason,
      e.reverses_id,
      e.created_at.toISOString(),
      [...postingHashes].sort(),
    ])
  )
}

/** Identifies a request's payload, so that a replayed key can be told apart from a reused one. */
export function requestHash(payload: unknown): string {
  return sha256(canonicalJson(payload))
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value ?? null)
}
