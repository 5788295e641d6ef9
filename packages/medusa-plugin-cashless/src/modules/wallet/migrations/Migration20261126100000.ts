import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Voiding a card at the till (#7): `close_out` entries empty a wallet given up. */
export class Migration20261126100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_kind_check";`)
    this.addSql(
      `alter table "cashless_journal_entry" add constraint "cashless_journal_entry_kind_check" check ("kind" in ('credit', 'gift', 'spend', 'transfer', 'adjustment', 'reversal', 'fusion', 'refund', 'close_out'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_kind_check";`)
    this.addSql(
      `alter table "cashless_journal_entry" add constraint "cashless_journal_entry_kind_check" check ("kind" in ('credit', 'gift', 'spend', 'transfer', 'adjustment', 'reversal', 'fusion', 'refund'));`
    )
  }
}
