import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Online money (#6): `refund` entries, and refund requests with one part per payment refunded. */
export class Migration20261125100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_kind_check";`)
    this.addSql(
      `alter table "cashless_journal_entry" add constraint "cashless_journal_entry_kind_check" check ("kind" in ('credit', 'gift', 'spend', 'transfer', 'adjustment', 'reversal', 'fusion', 'refund'));`
    )
    // Entries are found by the start of their external reference (`order:<id> `, `cart:<id>`):
    // LIKE 'prefix%' can use a text_pattern_ops index whatever the database's collation.
    this.addSql(`create index if not exists "IDX_cashless_journal_entry_external_ref_prefix" on "cashless_journal_entry" ("external_ref" text_pattern_ops) where "external_ref" is not null;`)
    this.addSql(`create table if not exists "cashless_refund" (
      "id" text not null,
      "idempotency_key" text not null,
      "request_hash" text not null,
      "wallet_id" text not null,
      "currency_code" text not null,
      "amount" integer not null check ("amount" > 0),
      "refunded_amount" integer not null default 0 check ("refunded_amount" >= 0 and "refunded_amount" <= "amount"),
      "status" text check ("status" in ('pending', 'succeeded', 'partial', 'failed')) not null,
      "actor" text null,
      "reason" text null,
      "error" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_refund_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_refund_idempotency_key_unique" on "cashless_refund" ("idempotency_key");`)
    this.addSql(`create index if not exists "IDX_cashless_refund_wallet_id" on "cashless_refund" ("wallet_id");`)
    this.addSql(`create table if not exists "cashless_refund_part" (
      "id" text not null,
      "refund_id" text not null references "cashless_refund" ("id"),
      "payment_id" text not null,
      "order_id" text null,
      "amount" integer not null check ("amount" > 0),
      "status" text check ("status" in ('pending', 'paid', 'failed')) not null,
      "entry_id" text null,
      "provider_refund_id" text null,
      "error" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_refund_part_pkey" primary key ("id"));`)
    this.addSql(`create index if not exists "IDX_cashless_refund_part_refund_id" on "cashless_refund_part" ("refund_id");`)
    this.addSql(`create index if not exists "IDX_cashless_refund_part_payment_id" on "cashless_refund_part" ("payment_id");`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_cashless_journal_entry_external_ref_prefix";`)
    this.addSql(`drop table if exists "cashless_refund_part" cascade;`)
    this.addSql(`drop table if exists "cashless_refund" cascade;`)
    this.addSql(`alter table "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_kind_check";`)
    this.addSql(
      `alter table "cashless_journal_entry" add constraint "cashless_journal_entry_kind_check" check ("kind" in ('credit', 'gift', 'spend', 'transfer', 'adjustment', 'reversal', 'fusion'));`
    )
  }
}
