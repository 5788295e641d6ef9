import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The till (#7): points of sale, staff roles and assignments, till sessions, sales, cash movements, closures. */
export class Migration20261125200000 extends Migration {
  override async up(): Promise<void> {
    const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(`create table if not exists "cashless_point_of_sale" (
      "id" text not null, "name" text not null, "sales_channel_id" text not null,
      "currency_code" text not null check ("currency_code" ~ '^[a-z]{3}$'),
      "country_code" text not null check ("country_code" ~ '^[a-z]{2}$'),
      "category_ids" jsonb null, "collection_ids" jsonb null, "tenders" jsonb not null,
      "archived_at" timestamptz null, ${stamps},
      constraint "cashless_point_of_sale_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_point_of_sale_name_unique" on "cashless_point_of_sale" (lower("name")) where "deleted_at" is null;`)

    this.addSql(`create table if not exists "cashless_staff" (
      "id" text not null, "user_id" text not null,
      "role" text not null check ("role" in ('cashier', 'manager', 'admin')), ${stamps},
      constraint "cashless_staff_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_staff_user_id_unique" on "cashless_staff" ("user_id") where "deleted_at" is null;`)

    this.addSql(`create table if not exists "cashless_staff_assignment" (
      "id" text not null, "user_id" text not null,
      "point_of_sale_id" text not null references "cashless_point_of_sale" ("id"), ${stamps},
      constraint "cashless_staff_assignment_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_staff_assignment_unique" on "cashless_staff_assignment" ("user_id", "point_of_sale_id") where "deleted_at" is null;`)

    this.addSql(`create table if not exists "cashless_till_session" (
      "id" text not null, "point_of_sale_id" text not null references "cashless_point_of_sale" ("id"),
      "currency_code" text not null, "opened_by" text not null,
      "opening_float" integer not null check ("opening_float" >= 0), "opened_at" timestamptz not null,
      "closed_by" text null, "closed_at" timestamptz null, "counted_cash" integer null check ("counted_cash" >= 0),
      "status" text not null check ("status" in ('open', 'closed')), ${stamps},
      constraint "cashless_till_session_closed" check (("status" = 'closed') = ("closed_at" is not null)),
      constraint "cashless_till_session_pkey" primary key ("id"));`)
    // One open session per point of sale, enforced by the database.
    this.addSql(`create unique index if not exists "IDX_cashless_till_session_open_unique" on "cashless_till_session" ("point_of_sale_id") where "status" = 'open' and "deleted_at" is null;`)
    this.addSql(`create index if not exists "IDX_cashless_till_session_pos_opened" on "cashless_till_session" ("point_of_sale_id", "opened_at");`)

    this.addSql(`create table if not exists "cashless_sale" (
      "id" text not null, "idempotency_key" text not null, "request_hash" text not null,
      "session_id" text not null references "cashless_till_session" ("id"),
      "point_of_sale_id" text not null references "cashless_point_of_sale" ("id"),
      "currency_code" text not null, "status" text not null check ("status" in ('completed', 'voided')),
      "total" integer not null check ("total" >= 0), "tax_total" integer not null check ("tax_total" >= 0),
      "lines" jsonb not null, "tenders" jsonb not null,
      "card_id" text null, "customer_id" text null, "sold_by" text not null,
      "order_id" text null, "projected_at" timestamptz null, ${stamps},
      constraint "cashless_sale_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_sale_idempotency_key_unique" on "cashless_sale" ("idempotency_key");`)
    this.addSql(`create index if not exists "IDX_cashless_sale_session_id" on "cashless_sale" ("session_id");`)
    this.addSql(`create index if not exists "IDX_cashless_sale_unprojected" on "cashless_sale" ("created_at") where "order_id" is null;`)

    this.addSql(`create table if not exists "cashless_till_movement" (
      "id" text not null, "idempotency_key" text not null, "request_hash" text not null,
      "session_id" text not null references "cashless_till_session" ("id"),
      "point_of_sale_id" text not null references "cashless_point_of_sale" ("id"),
      "kind" text not null check ("kind" in ('top_up', 'refund')),
      "tender" text not null check ("tender" in ('cash', 'card_terminal')),
      "currency_code" text not null, "amount" integer not null check ("amount" > 0),
      "card_id" text not null, "wallet_id" text not null, "entry_id" text not null, "done_by" text not null, ${stamps},
      constraint "cashless_till_movement_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_till_movement_idempotency_key_unique" on "cashless_till_movement" ("idempotency_key");`)
    this.addSql(`create index if not exists "IDX_cashless_till_movement_session_id" on "cashless_till_movement" ("session_id");`)

    this.addSql(`create table if not exists "cashless_till_closure" (
      "id" text not null, "session_id" text not null references "cashless_till_session" ("id"),
      "point_of_sale_id" text not null references "cashless_point_of_sale" ("id"), "report" jsonb not null, ${stamps},
      constraint "cashless_till_closure_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_till_closure_session_unique" on "cashless_till_closure" ("session_id");`)
  }

  override async down(): Promise<void> {
    for (const table of ["cashless_till_closure", "cashless_till_movement", "cashless_sale", "cashless_till_session", "cashless_staff_assignment", "cashless_staff", "cashless_point_of_sale"]) {
      this.addSql(`drop table if exists "${table}" cascade;`)
    }
  }
}
