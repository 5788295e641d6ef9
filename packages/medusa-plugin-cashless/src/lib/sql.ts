import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** knex's binding types know no arrays of nullable values, which `unnest` takes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller
export function raw(trx: Knex, sql: string, bindings: unknown[] = []): Promise<{ rows: any[] }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return trx.raw(sql, bindings as never) as unknown as Promise<{ rows: any[] }>
}
