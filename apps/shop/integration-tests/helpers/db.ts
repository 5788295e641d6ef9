/** The test runner's database connection, as the specs query it (knex's `raw`). */
export type Db = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, any>> }> } // eslint-disable-line @typescript-eslint/no-explicit-any
