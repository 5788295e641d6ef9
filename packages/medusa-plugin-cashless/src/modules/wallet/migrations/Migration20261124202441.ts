import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124202441 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cashless_posting" drop constraint if exists "cashless_posting_account_id_sequence_unique";`);
    this.addSql(`alter table if exists "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_reverses_id_unique";`);
    this.addSql(`alter table if exists "cashless_journal_entry" drop constraint if exists "cashless_journal_entry_idempotency_key_unique";`);
    this.addSql(`alter table if exists "cashless_asset" drop constraint if exists "cashless_asset_code_unique";`);
    this.addSql(`alter table if exists "cashless_account" drop constraint if exists "cashless_account_system_code_asset_id_unique";`);
    this.addSql(`alter table if exists "cashless_account" drop constraint if exists "cashless_account_wallet_id_asset_id_unique";`);
    this.addSql(`create table if not exists "cashless_account" ("id" text not null, "wallet_id" text null, "system_code" text null, "asset_id" text not null, "balance" bigint not null default 0, "sequence" bigint not null default 0, "last_hash" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cashless_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_account_deleted_at" ON "cashless_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cashless_account_wallet_id_asset_id_unique" ON "cashless_account" ("wallet_id", "asset_id") WHERE wallet_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cashless_account_system_code_asset_id_unique" ON "cashless_account" ("system_code", "asset_id") WHERE system_code IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cashless_asset" ("id" text not null, "code" text not null, "name" text not null, "kind" text check ("kind" in ('fiat', 'gift')) not null, "currency_code" text not null, "spend_priority" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cashless_asset_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_asset_deleted_at" ON "cashless_asset" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cashless_asset_code_unique" ON "cashless_asset" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cashless_journal_entry" ("id" text not null, "kind" text check ("kind" in ('credit', 'gift', 'spend', 'transfer', 'adjustment', 'reversal')) not null, "idempotency_key" text not null, "request_hash" text not null, "external_ref" text null, "actor" text null, "reason" text null, "reverses_id" text null, "hash_version" integer not null, "hash" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cashless_journal_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_journal_entry_deleted_at" ON "cashless_journal_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cashless_journal_entry_idempotency_key_unique" ON "cashless_journal_entry" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cashless_journal_entry_reverses_id_unique" ON "cashless_journal_entry" ("reverses_id") WHERE reverses_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_journal_entry_external_ref" ON "cashless_journal_entry" ("external_ref") WHERE external_ref IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cashless_posting" ("id" text not null, "entry_id" text not null, "account_id" text not null, "asset_id" text not null, "amount" bigint not null, "sequence" bigint null, "prev_hash" text null, "balance_after" bigint null, "hash" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cashless_posting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_posting_deleted_at" ON "cashless_posting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cashless_posting_account_id_sequence_unique" ON "cashless_posting" ("account_id", "sequence") WHERE sequence IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_posting_entry_id" ON "cashless_posting" ("entry_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_posting_account_id_created_at" ON "cashless_posting" ("account_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cashless_wallet" ("id" text not null, "label" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cashless_wallet_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cashless_wallet_deleted_at" ON "cashless_wallet" ("deleted_at") WHERE deleted_at IS NULL;`);

    // Written by hand below this line: what the DML cannot express.
    // Money columns are BIGINT (above); the ledger writes them with SQL.
    this.addSql(`alter table "cashless_account" add constraint "cashless_account_asset_fk" foreign key ("asset_id") references "cashless_asset" ("id");`);
    this.addSql(`alter table "cashless_account" add constraint "cashless_account_wallet_fk" foreign key ("wallet_id") references "cashless_wallet" ("id");`);
    this.addSql(`alter table "cashless_account" add constraint "cashless_account_owner_check" check (("wallet_id" is null) <> ("system_code" is null));`);
    // Invariant 3, kept by the database too: no wallet account below zero.
    this.addSql(`alter table "cashless_account" add constraint "cashless_account_wallet_balance_check" check ("wallet_id" is null or "balance" >= 0);`);
    this.addSql(`alter table "cashless_posting" add constraint "cashless_posting_entry_fk" foreign key ("entry_id") references "cashless_journal_entry" ("id");`);
    this.addSql(`alter table "cashless_posting" add constraint "cashless_posting_account_fk" foreign key ("account_id") references "cashless_account" ("id");`);
    this.addSql(`alter table "cashless_posting" add constraint "cashless_posting_asset_fk" foreign key ("asset_id") references "cashless_asset" ("id");`);
    this.addSql(`alter table "cashless_posting" add constraint "cashless_posting_amount_check" check ("amount" <> 0);`);
    this.addSql(`alter table "cashless_journal_entry" add constraint "cashless_journal_entry_reverses_fk" foreign key ("reverses_id") references "cashless_journal_entry" ("id");`);
    // Invariant 4: entries and postings are append-only; a mistake is corrected by a reversal.
    this.addSql(`create or replace function "cashless_ledger_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'cashless ledger: % on % is refused: the ledger is append-only, post a reversing entry instead', tg_op, tg_table_name;
      end $$;`);
    this.addSql(`create trigger "cashless_journal_entry_append_only" before update or delete on "cashless_journal_entry" for each row execute function "cashless_ledger_append_only"();`);
    this.addSql(`create trigger "cashless_posting_append_only" before update or delete on "cashless_posting" for each row execute function "cashless_ledger_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "cashless_ledger_append_only"() cascade;`);
    this.addSql(`drop table if exists "cashless_account" cascade;`);

    this.addSql(`drop table if exists "cashless_asset" cascade;`);

    this.addSql(`drop table if exists "cashless_journal_entry" cascade;`);

    this.addSql(`drop table if exists "cashless_posting" cascade;`);

    this.addSql(`drop table if exists "cashless_wallet" cascade;`);
  }

}
