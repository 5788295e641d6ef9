// What the launcher asks of PostgreSQL directly, before and around Medusa.
import pg from "pg"

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  client.on("error", () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Creates the database named by the URL when missing; says which happened. */
export async function ensureDatabase(databaseUrl) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1))
  if (!name) throw new Error("DATABASE_URL names no database")
  const maintenance = new URL(databaseUrl)
  maintenance.pathname = "/postgres"
  return withClient(maintenance.toString(), async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (rowCount) return `database "${name}" exists`
    await client.query(`create database ${client.escapeIdentifier(name)}`)
    return `database "${name}" created`
  })
}

/** The seed marks the store; the demo publishable key is found by its title. */
export async function readSeedState(databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      "select metadata->>'cashless_demo_seeded_at' as seeded_at from store where deleted_at is null order by created_at limit 1"
    )
    const key = await client.query(
      "select token from api_key where type = 'publishable' and title = 'Cashless demo storefront' and revoked_at is null and deleted_at is null limit 1"
    )
    // A demo card to try the partner page's top-up with (card N° 0001, anonymous).
    const card = await client
      .query("select qr_token from cashless_card where printed_number = '0001' and deleted_at is null limit 1")
      .catch(() => ({ rows: [] }))
    return { seededAt: rows[0]?.seeded_at ?? null, publishableKey: key.rows[0]?.token ?? null, demoQrToken: card.rows[0]?.qr_token ?? null }
  })
}
