import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The membership module's tables (#5). Written by hand for its constraints. */
export class Migration20261125000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "cashless_membership_plan" (
      "id" text not null, "name" text not null, "description" text null,
      "duration_unit" text check ("duration_unit" in ('hours', 'days', 'months', 'calendar_year', 'school_year', 'lifetime')) not null,
      "duration_count" integer not null default 1, "customer_group_id" text null,
      "allow_parallel" boolean not null default false, "archived_at" timestamptz null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_membership_plan_pkey" primary key ("id"),
      constraint "cashless_membership_plan_count" check ("duration_count" between 1 and 1000),
      constraint "cashless_membership_plan_name" check (length(btrim("name")) > 0));`)
    this.addSql(`create unique index if not exists "IDX_cashless_membership_plan_name_unique" on "cashless_membership_plan" (lower("name")) where "deleted_at" is null;`)

    this.addSql(`create table if not exists "cashless_membership_plan_variant" (
      "id" text not null, "variant_id" text not null, "plan_id" text not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_membership_plan_variant_pkey" primary key ("id"),
      constraint "cashless_membership_plan_variant_plan_id_foreign" foreign key ("plan_id") references "cashless_membership_plan" ("id") on update cascade);`)
    this.addSql(`create unique index if not exists "IDX_cashless_membership_plan_variant_variant_id_unique" on "cashless_membership_plan_variant" ("variant_id") where "deleted_at" is null;`)
    this.addSql(`create index if not exists "IDX_cashless_membership_plan_variant_plan_id" on "cashless_membership_plan_variant" ("plan_id");`)

    this.addSql(`create table if not exists "cashless_membership" (
      "id" text not null, "plan_id" text not null, "customer_id" text null, "wallet_id" text null,
      "starts_at" timestamptz not null, "ends_at" timestamptz null, "periods" integer not null default 1,
      "status" text check ("status" in ('active', 'cancelled')) not null default 'active',
      "source" text check ("source" in ('order', 'till', 'admin', 'import')) not null, "source_ref" text not null,
      "created_by" text null, "note" text null,
      "cancelled_at" timestamptz null, "cancelled_by" text null, "cancel_reason" text null,
      "reminded_at" timestamptz null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_membership_pkey" primary key ("id"),
      constraint "cashless_membership_plan_id_foreign" foreign key ("plan_id") references "cashless_membership_plan" ("id") on update cascade,
      constraint "cashless_membership_one_holder" check (("customer_id" is null) <> ("wallet_id" is null)),
      constraint "cashless_membership_dates" check ("ends_at" is null or "ends_at" > "starts_at"),
      constraint "cashless_membership_periods" check ("periods" >= 1),
      constraint "cashless_membership_source_ref" check (length("source_ref") > 0),
      constraint "cashless_membership_cancel_reason" check ("status" <> 'cancelled' or ("cancelled_at" is not null and length(btrim(coalesce("cancel_reason", ''))) > 0)));`)
    this.addSql(`create unique index if not exists "IDX_cashless_membership_source_source_ref_unique" on "cashless_membership" ("source", "source_ref");`)
    this.addSql(`create index if not exists "IDX_cashless_membership_customer_id" on "cashless_membership" ("customer_id", "plan_id") where "customer_id" is not null;`)
    this.addSql(`create index if not exists "IDX_cashless_membership_wallet_id" on "cashless_membership" ("wallet_id", "plan_id") where "wallet_id" is not null;`)
    this.addSql(`create index if not exists "IDX_cashless_membership_ends_at" on "cashless_membership" ("ends_at");`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cashless_membership" cascade;`)
    this.addSql(`drop table if exists "cashless_membership_plan_variant" cascade;`)
    this.addSql(`drop table if exists "cashless_membership_plan" cascade;`)
  }
}
