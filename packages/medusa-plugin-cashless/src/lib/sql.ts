import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** knex's binding types know no arrays of nullable values, which `unnest` takes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller
export function raw(trx: Knex, sql: string, bindings: unknown[] = []): Promise<{ rows: any[] }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return trx.raw(sql, bindings as never) as unknown as Promise<{ rows: any[] }>
}

/**
 * One page of rows and the number of all matching rows, in one query (`count(*) over ()`); a
 * page past the end has no row to carry the total, so it is counted apart.
 */
export async function pagedRows(
  trx: Knex,
  q: { columns: string; from: string; where: string; orderBy: string },
  bindings: unknown[],
  limit: number,
  offset: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller
): Promise<{ rows: any[]; count: number }> {
  const { rows } = await raw(
    trx,
    `select ${q.columns}, count(*) over () as total from ${q.from} where ${q.where} order by ${q.orderBy} limit ? offset ?`,
    [...bindings, limit, offset]
  )
  if (rows.length || offset === 0) return { rows, count: rows.length ? Number(rows[0].total) : 0 }
  const { rows: counted } = await raw(trx, `select count(*) as total from ${q.from} where ${q.where}`, bindings)
  return { rows, count: Number(counted[0].total) }
}
