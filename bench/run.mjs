#!/usr/bin/env node
// `npm run bench -- <name>`: runs bench/scenarios/<name>.mjs against the running shop,
// then the floors to compare with, prints a table and writes bench/results/<name>.json.
import { mkdir, readdir, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { load, printHeader, printRow } from "./lib/load.mjs"
import { pgbenchAvailable, runPgbench } from "./lib/pgbench.mjs"
import { login, resolveTarget } from "./lib/target.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const connections = Number(process.env.BENCH_CONNECTIONS || 16)
const duration = Number(process.env.BENCH_DURATION || 10)

async function listScenarios() {
  return (await readdir(path.join(here, "scenarios"))).filter((f) => f.endsWith(".mjs")).map((f) => f.slice(0, -4))
}

async function floors(target, auth) {
  const common = { connections, duration }
  const rows = [
    await load({ ...common, title: "floor: GET /health", url: `${target.baseUrl}/health` }),
    await load({
      ...common,
      title: "floor: authenticated plugin no-op",
      url: `${target.baseUrl}/admin/cashless/ping`,
      headers: auth,
    }),
    await load({
      ...common,
      title: "floor: no-op workflow",
      url: `${target.baseUrl}/admin/bench/noop-workflow`,
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{}",
    }),
  ]
  rows.forEach(printRow)
  let pgbench = null
  if (pgbenchAvailable()) {
    pgbench = await runPgbench({ databaseUrl: target.databaseUrl, clients: connections, duration })
    console.log(`${pgbench.title.padEnd(34)} ${String(pgbench.tps).padStart(9)} tps, latency avg ${pgbench.latency_avg_ms} ms`)
  } else {
    console.log("pgbench not found (apt-get install postgresql-client): floor skipped")
  }
  return { http: rows, pgbench }
}

async function main() {
  const name = process.argv[2]
  const names = await listScenarios()
  if (!name || !names.includes(name)) {
    console.error(`usage: npm run bench -- <name>\nscenarios: ${names.join(", ")}`)
    process.exit(2)
  }
  const scenario = await import(path.join(here, "scenarios", `${name}.mjs`))
  if (scenario.standalone) return runStandalone(name, scenario)
  const target = await resolveTarget()
  const auth = await login(target)
  console.log(`bench ${name}: ${scenario.description}`)
  console.log(`target ${target.baseUrl}, ${connections} connections, ${duration} s per run, ${os.cpus().length} cores\n`)
  printHeader()
  const results = await scenario.run({ target, auth, connections, duration, load })
  results.forEach(printRow)
  const floorResults = await floors(target, auth)
  // Optional: a scenario that compares its rows with the floors of this same run (ratios).
  const summary = scenario.summarize ? await scenario.summarize({ results, floors: floorResults }) : undefined
  const report = {
    name,
    at: new Date().toISOString(),
    machine: machine(),
    target: target.baseUrl,
    connections,
    duration_s: duration,
    results,
    floors: floorResults,
    ...(summary === undefined ? {} : { summary }),
  }
  await writeReport(name, report)
}

const machine = () => ({ cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, node: process.version, memory_gb: Math.round(os.totalmem() / 2 ** 30) })

async function writeReport(name, report) {
  const resultsDir = path.resolve(process.env.BENCH_RESULTS_DIR || path.join(here, "results"))
  await mkdir(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${name}.json`)
  await writeFile(file, JSON.stringify(report, null, 2) + "\n")
  console.log(`\nwritten ${path.relative(process.cwd(), file)}`)
}

/**
 * A scenario exporting `standalone = true` measures something without the shop (the reader
 * agent, for one; or crash-under-load, which runs a shop of its own): no login, no floors; it prints
 * its own table and returns its results. It sets process.exitCode when its checks fail.
 */
async function runStandalone(name, scenario) {
  console.log(`bench ${name}: ${scenario.description}`)
  console.log(`${scenario.standaloneNote ?? "standalone (no shop needed)"}, ${os.cpus().length} cores\n`)
  const results = await scenario.run({})
  await writeReport(name, { name, at: new Date().toISOString(), machine: machine(), standalone: true, results })
}

main().catch((err) => {
  console.error(`bench failed: ${err.message}`)
  process.exit(1)
})
