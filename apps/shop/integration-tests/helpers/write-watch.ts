import type { Db } from "./db"

type Snapshot = {
  /** `pg_current_snapshot()` as text, `xmin:xmax:xip,…`: unchanged means no transaction wrote since. */
  id: string
  rows: Map<string, number>
  /** Tuples written by a transaction of the snapshot given (in progress then, or started since). */
  fresh: Map<string, number>
  /** The content of the tables whose heartbeat columns are left out, as a hash. */
  prints: Map<string, string>
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * An exact check that a request wrote no row, without counting every table for every request.
 * Nothing can be written without a transaction id, so an unchanged `pg_current_snapshot()`
 * proves nothing was written. When it moved, one statement (one MVCC snapshot) counts the rows of
 * every table and the tuples whose `xmin` is a transaction that was running or not yet started at
 * the baseline: an insert or update leaves such a tuple and a delete changes a count.
 * `volatile` names columns a refused request may still touch (a reader's `last_seen_at`
 * heartbeat): for those tables the content without them is compared instead.
 */
export class WriteWatch {
  private baseline: Snapshot | null = null

  private constructor(
    private readonly db: Db,
    readonly tables: string[],
    private readonly volatile: Record<string, string[]>
  ) {}

  /** Every table of the schema but `exclude` (e.g. the workflow engine's own run log). */
  static async create(db: Db, options: { exclude?: string[]; volatile?: Record<string, string[]> } = {}) {
    const { rows } = await db.raw(`select tablename from pg_tables where schemaname = current_schema() order by tablename`)
    const tables = rows.map((r) => String(r.tablename)).filter((t) => !(options.exclude ?? []).includes(t))
    return new WriteWatch(db, tables, options.volatile ?? {})
  }

  private async snapshotId(): Promise<string> {
    const { rows } = await this.db.raw(`select pg_current_snapshot()::text as id`)
    return String(rows[0].id)
  }

  private async snapshot(since?: string): Promise<Snapshot> {
    // Transactions of `since` that may write after it: the ones in progress, and every later one.
    let fresh = "0"
    if (since) {
      const [, xmax, xip] = since.split(":")
      const ids = [xmax, ...(xip ? xip.split(",") : [])].map((x) => BigInt(x) % 2n ** 32n)
      fresh = `count(*) filter (where xmin::text::bigint >= ${ids[0]}${ids.length > 1 ? ` or xmin::text::bigint in (${ids.slice(1).join(",")})` : ""})`
    }
    const parts = this.tables.map((t) => {
      const drop = (this.volatile[t] ?? []).map((c) => ` - '${c}'`).join("")
      const print = this.volatile[t] ? `md5(coalesce(string_agg((to_jsonb(x)${drop})::text, ',' order by (to_jsonb(x)${drop})::text), ''))` : "null"
      return `select '${t}' as name, count(*)::int as n, ${fresh}::int as fresh, ${print} as print from ${quote(t)} x`
    })
    const { rows } = await this.db.raw(`select pg_current_snapshot()::text as id, t.* from (${parts.join(" union all ")}) t`)
    return {
      id: String(rows[0].id),
      rows: new Map(rows.map((r) => [String(r.name), Number(r.n)])),
      fresh: new Map(rows.map((r) => [String(r.name), Number(r.fresh)])),
      prints: new Map(rows.filter((r) => r.print !== null).map((r) => [String(r.name), String(r.print)])),
    }
  }

  /** Call right before the request. */
  async before(): Promise<Snapshot> {
    const id = await this.snapshotId()
    if (!this.baseline || this.baseline.id !== id) this.baseline = await this.snapshot()
    return this.baseline
  }

  /** The tables written since `before` (empty when nothing was), with what changed. */
  async after(before: Snapshot): Promise<string[]> {
    if ((await this.snapshotId()) === before.id) return []
    const now = await this.snapshot(before.id)
    this.baseline = now
    const written: string[] = []
    for (const t of this.tables) {
      const delta = (now.rows.get(t) ?? 0) - (before.rows.get(t) ?? 0)
      const fresh = now.fresh.get(t) ?? 0
      if (this.volatile[t] && delta === 0 && now.prints.get(t) === before.prints.get(t)) continue
      if (delta !== 0 || fresh > 0) written.push(`${t} (${delta >= 0 ? "+" : ""}${delta} rows, ${fresh} written)`)
    }
    return written
  }

  /** Waits until no transaction has written for a moment (what an accepted request set off, e.g. a subscriber). */
  async settle(quietMs = 150, maxMs = 5_000): Promise<void> {
    const started = Date.now()
    let last = await this.snapshotId()
    while (Date.now() - started < maxMs) {
      await new Promise((r) => setTimeout(r, quietMs))
      const id = await this.snapshotId()
      if (id === last) return
      last = id
    }
  }
}
