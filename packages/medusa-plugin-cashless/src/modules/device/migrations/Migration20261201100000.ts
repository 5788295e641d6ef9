import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Devices (#9): reader agents paired to a point of sale by a one-time code. Tokens and codes are
 * stored as sha256 (hex) only. The point of sale lives in the till module: no foreign key across
 * modules (a read-only link, links/device-point-of-sale.ts).
 */
export class Migration20261201100000 extends Migration {
  override async up(): Promise<void> {
    const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    const sha256 = (column: string) => `check ("${column}" ~ '^[0-9a-f]{64}$')`
    this.addSql(`create table if not exists "cashless_device" (
      "id" text not null,
      "name" text not null check (length(btrim("name")) between 1 and 80),
      "point_of_sale_id" text not null,
      "token_hash" text not null ${sha256("token_hash")},
      "paired_at" timestamptz not null, "paired_by" text not null,
      "last_seen_at" timestamptz null,
      "readers" jsonb null check ("readers" is null or jsonb_typeof("readers") = 'array'),
      "pcsc" text null check ("pcsc" in ('ok', 'down')),
      "agent_version" text null check (length("agent_version") <= 40),
      "revoked_at" timestamptz null, "revoked_by" text null, ${stamps},
      constraint "cashless_device_revoked" check (("revoked_at" is null) = ("revoked_by" is null)),
      constraint "cashless_device_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_device_token_hash_unique" on "cashless_device" ("token_hash");`)
    this.addSql(`create index if not exists "IDX_cashless_device_point_of_sale_id" on "cashless_device" ("point_of_sale_id");`)

    this.addSql(`create table if not exists "cashless_device_pairing_code" (
      "id" text not null,
      "code_hash" text not null ${sha256("code_hash")},
      "point_of_sale_id" text not null,
      "name" text null check ("name" is null or length(btrim("name")) between 1 and 80),
      "expires_at" timestamptz not null, "used_at" timestamptz null,
      "device_id" text null references "cashless_device" ("id"),
      "created_by" text not null, ${stamps},
      constraint "cashless_device_pairing_code_used" check ("device_id" is null or "used_at" is not null),
      constraint "cashless_device_pairing_code_pkey" primary key ("id"));`)
    this.addSql(`create unique index if not exists "IDX_cashless_device_pairing_code_hash_unique" on "cashless_device_pairing_code" ("code_hash");`)
    // One device per code, enforced by the database too.
    this.addSql(`create unique index if not exists "IDX_cashless_device_pairing_code_device_unique" on "cashless_device_pairing_code" ("device_id") where "device_id" is not null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cashless_device_pairing_code" cascade;`)
    this.addSql(`drop table if exists "cashless_device" cascade;`)
  }
}
