import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Cards (#4): binding a card moves its anonymous wallet's balances by a `fusion` entry. */
export class Migration20261124230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_kind_check";`)
    this.addSql(
      `alter table "cashless_journal_entry" add constraint "cashless_journal_entry_kind_check" check ("kind" in ('credit', 'gift', 'spend', 'transfer', 'adjustment', 'reversal', 'fusion'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_kind_check";`)
    this.addSql(
      `alter table "cashless_journal_entry" add constraint "cashless_journal_entry_kind_check" check ("kind" in ('credit', 'gift', 'spend', 'transfer', 'adjustment', 'reversal'));`
    )
  }
}
