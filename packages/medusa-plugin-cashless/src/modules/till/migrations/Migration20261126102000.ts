import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Voiding a card at the till (#7): a `void` movement pays the card's refundable money out of the
 * drawer (possibly nothing, when it held only gift credit, or when a bound card's money stays on
 * its holder's account: then there is no ledger entry either) and keeps what was forfeited.
 */
export class Migration20261126102000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cashless_till_movement" drop constraint if exists "cashless_till_movement_kind_check";`)
    this.addSql(`alter table "cashless_till_movement" add constraint "cashless_till_movement_kind_check" check ("kind" in ('top_up', 'refund', 'void'));`)
    this.addSql(`alter table "cashless_till_movement" drop constraint if exists "cashless_till_movement_amount_check";`)
    this.addSql(
      `alter table "cashless_till_movement" add constraint "cashless_till_movement_amount_check" check ("amount" > 0 or ("kind" = 'void' and "amount" = 0));`
    )
    this.addSql(`alter table "cashless_till_movement" alter column "entry_id" drop not null;`)
    this.addSql(
      `alter table "cashless_till_movement" add constraint "cashless_till_movement_entry_check" check ("entry_id" is not null or ("kind" = 'void' and "amount" = 0));`
    )
    this.addSql(`alter table "cashless_till_movement" add column if not exists "details" jsonb null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "cashless_till_movement" where "kind" = 'void';`)
    this.addSql(`alter table "cashless_till_movement" drop column if exists "details";`)
    this.addSql(`alter table "cashless_till_movement" drop constraint if exists "cashless_till_movement_entry_check";`)
    this.addSql(`alter table "cashless_till_movement" alter column "entry_id" set not null;`)
    this.addSql(`alter table "cashless_till_movement" drop constraint if exists "cashless_till_movement_amount_check";`)
    this.addSql(`alter table "cashless_till_movement" add constraint "cashless_till_movement_amount_check" check ("amount" > 0);`)
    this.addSql(`alter table "cashless_till_movement" drop constraint if exists "cashless_till_movement_kind_check";`)
    this.addSql(`alter table "cashless_till_movement" add constraint "cashless_till_movement_kind_check" check ("kind" in ('top_up', 'refund'));`)
  }
}
