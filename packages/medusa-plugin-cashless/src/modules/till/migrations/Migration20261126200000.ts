import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The stock a till sale took (#7, inventory decremented by the projection): a marker that makes
 * the decrement happen once per sale, and the moves it made. Sales already projected when this
 * runs are marked `predates`: their orders were made without touching inventory, and a re-drive
 * now would take today's stock for goods that left the counter long ago.
 */
export class Migration20261126200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cashless_sale"
      add column if not exists "stock_status" text null
        constraint "cashless_sale_stock_status_check" check ("stock_status" in ('claimed', 'applied', 'no_location', 'in_doubt', 'predates')),
      add column if not exists "stock_moves" jsonb null;`)
    this.addSql(`update "cashless_sale" set "stock_status" = 'predates' where "order_id" is not null and "stock_status" is null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "cashless_sale" drop column if exists "stock_moves", drop column if exists "stock_status";`)
  }
}
