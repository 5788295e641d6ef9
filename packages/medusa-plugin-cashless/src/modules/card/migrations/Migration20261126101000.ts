import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Voiding a card (#7): a card handed back starts again with a new anonymous wallet. The wallet's
 * id is derived from the card and this generation, so simultaneous first taps still make one.
 */
export class Migration20261126101000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cashless_card" add column if not exists "wallet_generation" integer not null default 0;`)
    this.addSql(`alter table "cashless_card" drop constraint if exists "cashless_card_wallet_generation_check";`)
    this.addSql(`alter table "cashless_card" add constraint "cashless_card_wallet_generation_check" check ("wallet_generation" >= 0);`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cashless_card" drop constraint if exists "cashless_card_wallet_generation_check";`)
    this.addSql(`alter table "cashless_card" drop column if exists "wallet_generation";`)
  }
}
