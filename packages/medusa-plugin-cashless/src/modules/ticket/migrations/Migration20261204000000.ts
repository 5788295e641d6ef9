import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The ticket module's tables (#12). Written by hand for its constraints. */
export class Migration20261204000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "cashless_ticket_event" (
      "id" text not null, "name" text not null, "venue" text null,
      "starts_at" timestamptz not null, "ends_at" timestamptz null, "capacity" integer not null,
      "product_id" text not null, "inventory_item_id" text null, "stock_location_id" text null,
      "archived_at" timestamptz null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_ticket_event_pkey" primary key ("id"),
      constraint "cashless_ticket_event_capacity" check ("capacity" between 0 and 1000000),
      constraint "cashless_ticket_event_dates" check ("ends_at" is null or "ends_at" >= "starts_at"),
      constraint "cashless_ticket_event_name" check (length(btrim("name")) > 0));`)
    this.addSql(`create unique index if not exists "IDX_cashless_ticket_event_product_id_unique" on "cashless_ticket_event" ("product_id") where "deleted_at" is null;`)

    this.addSql(`create table if not exists "cashless_ticket" (
      "id" text not null, "event_id" text not null, "variant_id" text not null, "type_title" text not null,
      "holder_name" text null, "holder_email" text null, "customer_id" text null,
      "order_id" text not null, "line_item_id" text not null, "unit_index" integer not null,
      "secret" text not null,
      "status" text check ("status" in ('valid', 'checked_in', 'cancelled', 'refunded')) not null default 'valid',
      "checked_in_at" timestamptz null, "checked_in_by" text null, "checked_in_where" text null, "checked_in_key" text null,
      "cancelled_at" timestamptz null, "cancelled_by" text null, "cancel_reason" text null,
      "refunded_at" timestamptz null, "refunded_by" text null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "cashless_ticket_pkey" primary key ("id"),
      constraint "cashless_ticket_event_id_foreign" foreign key ("event_id") references "cashless_ticket_event" ("id") on update cascade,
      constraint "cashless_ticket_unit" check ("unit_index" >= 0),
      constraint "cashless_ticket_secret_length" check (length("secret") >= 24),
      constraint "cashless_ticket_checked_in" check ("status" <> 'checked_in' or "checked_in_at" is not null));`)
    this.addSql(`create unique index if not exists "IDX_cashless_ticket_line_unit_unique" on "cashless_ticket" ("line_item_id", "unit_index");`)
    this.addSql(`create unique index if not exists "IDX_cashless_ticket_secret_unique" on "cashless_ticket" ("secret");`)
    this.addSql(`create unique index if not exists "IDX_cashless_ticket_checked_in_key_unique" on "cashless_ticket" ("checked_in_key") where "checked_in_key" is not null;`)
    this.addSql(`create index if not exists "IDX_cashless_ticket_event_status" on "cashless_ticket" ("event_id", "status");`)
    this.addSql(`create index if not exists "IDX_cashless_ticket_order_id" on "cashless_ticket" ("order_id");`)
    this.addSql(`create index if not exists "IDX_cashless_ticket_customer_id" on "cashless_ticket" ("customer_id") where "customer_id" is not null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cashless_ticket" cascade;`)
    this.addSql(`drop table if exists "cashless_ticket_event" cascade;`)
  }
}
