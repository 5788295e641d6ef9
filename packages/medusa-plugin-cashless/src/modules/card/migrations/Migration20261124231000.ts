import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The card module's tables (#4). Written by hand, like the ledger's, for its constraints. */
export class Migration20261124231000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "cashless_card_batch" (
      "id" text not null, "name" text not null, "created_by" text null, "card_count" integer not null default 0,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_card_batch_pkey" primary key ("id"));`)

    this.addSql(`create table if not exists "cashless_card" (
      "id" text not null, "uid" text not null, "printed_number" text null, "qr_token" text not null,
      "status" text check ("status" in ('new', 'active', 'lost', 'blocked', 'voided')) not null default 'new',
      "wallet_id" text null, "customer_id" text null,
      "activated_at" timestamptz null, "bound_at" timestamptz null, "batch_id" text null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_card_pkey" primary key ("id"),
      constraint "cashless_card_batch_id_foreign" foreign key ("batch_id") references "cashless_card_batch" ("id") on update cascade on delete set null,
      constraint "cashless_card_uid_format" check ("uid" ~ '^([0-9A-F]{8}|[0-9A-F]{14}|[0-9A-F]{20})$'),
      constraint "cashless_card_qr_token_length" check (length("qr_token") >= 22),
      constraint "cashless_card_bound_has_wallet" check ("customer_id" is null or "wallet_id" is not null));`)
    this.addSql(`create unique index if not exists "IDX_cashless_card_uid_unique" on "cashless_card" ("uid");`)
    this.addSql(`create unique index if not exists "IDX_cashless_card_qr_token_unique" on "cashless_card" ("qr_token");`)
    this.addSql(`create unique index if not exists "IDX_cashless_card_printed_number_unique" on "cashless_card" ("printed_number") where "printed_number" is not null;`)
    this.addSql(`create index if not exists "IDX_cashless_card_customer_id" on "cashless_card" ("customer_id") where "customer_id" is not null;`)
    this.addSql(`create index if not exists "IDX_cashless_card_wallet_id" on "cashless_card" ("wallet_id") where "wallet_id" is not null;`)
    this.addSql(`create index if not exists "IDX_cashless_card_status" on "cashless_card" ("status");`)
    this.addSql(`create index if not exists "IDX_cashless_card_batch_id" on "cashless_card" ("batch_id");`)

    this.addSql(`create table if not exists "cashless_card_event" (
      "id" text not null, "card_id" text not null, "action" text not null, "from_status" text null,
      "to_status" text not null, "actor" text null, "reason" text null, "data" jsonb null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_card_event_pkey" primary key ("id"),
      constraint "cashless_card_event_card_id_foreign" foreign key ("card_id") references "cashless_card" ("id"));`)
    this.addSql(`create index if not exists "IDX_cashless_card_event_card_id_created_at" on "cashless_card_event" ("card_id", "created_at");`)

    this.addSql(`create table if not exists "cashless_card_import" (
      "id" text not null, "idempotency_key" text not null, "fingerprint" text not null, "batch_name" text not null,
      "batch_id" text null,
      "status" text check ("status" in ('running', 'succeeded', 'failed')) not null default 'running',
      "total_rows" integer not null default 0, "processed_rows" integer not null default 0,
      "imported_count" integer not null default 0, "skipped_count" integer not null default 0,
      "problems" jsonb null, "error" text null, "created_by" text null, "finished_at" timestamptz null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_card_import_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_card_import_idempotency_key_unique" on "cashless_card_import" ("idempotency_key");`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cashless_card_import" cascade;`)
    this.addSql(`drop table if exists "cashless_card_event" cascade;`)
    this.addSql(`drop table if exists "cashless_card" cascade;`)
    this.addSql(`drop table if exists "cashless_card_batch" cascade;`)
  }
}
