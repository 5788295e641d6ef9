// Jest global setup shared by the workspaces: use the PostgreSQL named by DB_HOST when
// set (CI, a developer's server), otherwise start a throw-away embedded one.
import { randomUUID } from "node:crypto"
import { mkdtemp } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, freePort, startEmbeddedPostgres } from "../embedded-postgres.mjs"

export default async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
  // Names this run: the suites serving the shop build it once per run (apps/shop helpers/launcher.ts).
  process.env.CASHLESS_TEST_RUN_ID ??= randomUUID()
  if (process.env.DB_HOST) {
    process.env.DB_USERNAME ??= "postgres"
    console.log(`\n[tests] PostgreSQL at ${process.env.DB_HOST}:${process.env.DB_PORT ?? 5432}`)
    return
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "cashless-test-pg-"))
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: await freePort(),
    persistent: false,
    fast: true,
  })
  // "localhost" matters: with any other host string Medusa's test runner forces SSL.
  Object.assign(process.env, {
    DB_HOST: "localhost",
    DB_PORT: String(db.port),
    DB_USERNAME: EMBEDDED_USER,
    DB_PASSWORD: EMBEDDED_PASSWORD,
  })
  globalThis.__cashlessEmbeddedPostgres = db
  console.log(`\n[tests] embedded PostgreSQL on port ${db.port} (set DB_HOST to use another server)`)
}
