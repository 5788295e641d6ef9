import type { Db } from "./db"

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`

/**
 * An exact check that a request wrote no row: a row-level trigger on every table of the test
 * database logs each committed insert, update and delete into `fuzz_write_log` (a rolled-back
 * write rolls its log row back too). The log's ids come from a sequence, so every write of a
 * request started after `before()` has an id above the highest one committed then.
 * `volatile` names columns a refused request may still touch (a reader's `last_seen_at`
 * heartbeat): an update changing only those is not logged. Test databases only: the triggers
 * stay until the database is dropped.
 */
export class WriteWatch {
  private constructor(
    private readonly db: Db,
    readonly tables: string[]
  ) {}

  /** Every table of the schema but `exclude` (e.g. the workflow engine's own run log). */
  static async create(db: Db, options: { exclude?: string[]; volatile?: Record<string, string[]> } = {}) {
    await db.raw(`create table if not exists fuzz_write_log (id bigserial primary key, tbl text not null)`)
    await db.raw(`
      create or replace function fuzz_log_write() returns trigger language plpgsql as $$
      begin
        if TG_OP = 'UPDATE' and cardinality(TG_ARGV) > 0 and (to_jsonb(OLD) - TG_ARGV::text[]) = (to_jsonb(NEW) - TG_ARGV::text[]) then
          return null;
        end if;
        insert into fuzz_write_log (tbl) values (TG_TABLE_NAME);
        return null;
      end $$`)
    const { rows } = await db.raw(`select tablename from pg_tables where schemaname = current_schema() order by tablename`)
    const tables = rows.map((r) => String(r.tablename)).filter((t) => t !== "fuzz_write_log" && !(options.exclude ?? []).includes(t))
    for (const t of tables) {
      const args = (options.volatile?.[t] ?? []).map(literal).join(", ")
      await db.raw(`drop trigger if exists fuzz_write_watch on ${quote(t)}`)
      await db.raw(`create trigger fuzz_write_watch after insert or update or delete on ${quote(t)} for each row execute function fuzz_log_write(${args})`)
    }
    return new WriteWatch(db, tables)
  }

  private async last(): Promise<number> {
    const { rows } = await this.db.raw(`select coalesce(max(id), 0)::bigint::text as id from fuzz_write_log`)
    return Number(rows[0].id)
  }

  /** Call right before the request. */
  async before(): Promise<number> {
    return this.last()
  }

  /** The tables written since `before` (empty when nothing was), with how many rows. */
  async after(before: number): Promise<string[]> {
    const { rows } = await this.db.raw(`select tbl, count(*)::int as n from fuzz_write_log where id > ${before} group by tbl order by tbl`)
    return rows.map((r) => `${String(r.tbl)} (${Number(r.n)} row${Number(r.n) === 1 ? "" : "s"} written)`)
  }

  /** Waits until nothing is written for a moment (what an accepted request set off, e.g. a subscriber). */
  async settle(quietMs = 150, maxMs = 5_000): Promise<void> {
    const started = Date.now()
    let last = await this.last()
    while (Date.now() - started < maxMs) {
      await new Promise((r) => setTimeout(r, quietMs))
      const now = await this.last()
      if (now === last) return
      last = now
    }
  }
}
