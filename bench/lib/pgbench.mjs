// pgbench's built-in simple-update on the app's PostgreSQL server, in a database of its own.
import { spawnSync } from "node:child_process"
import pg from "pg"

const DB = "cashless_pgbench"

export function pgbenchAvailable() {
  return spawnSync("pgbench", ["--version"]).status === 0
}

export async function runPgbench({ databaseUrl, clients, duration }) {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  const exists = await admin.query("select 1 from pg_database where datname = $1", [DB])
  if (!exists.rowCount) await admin.query(`create database ${DB}`)
  await admin.end()
  const url = new URL(databaseUrl)
  url.pathname = `/${DB}`
  const target = url.toString()
  const init = spawnSync("pgbench", ["-i", "-q", "-s", "1", target], { encoding: "utf8" })
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`)
  const run = spawnSync(
    "pgbench",
    ["-n", "-b", "simple-update", "-c", String(clients), "-j", "2", "-T", String(duration), target],
    { encoding: "utf8" }
  )
  if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`)
  const tps = Number(run.stdout.match(/tps = ([\d.]+)/)?.[1])
  const latency = Number(run.stdout.match(/latency average = ([\d.]+) ms/)?.[1])
  return {
    title: "pgbench simple-update",
    clients,
    duration_s: duration,
    tps: Math.round(tps),
    latency_avg_ms: latency,
  }
}
