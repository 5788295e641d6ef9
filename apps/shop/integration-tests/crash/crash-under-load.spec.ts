/**
 * Crash under load (#11), bounded form: bench/scenarios/crash-under-load.mjs runs its own shop on
 * a database of this suite, kills it with SIGKILL three times while tap-to-pay sales are in
 * flight, retries every unanswered request with its key, then checks that every acknowledged
 * sale exists once, nothing is half-applied, balances add up, the ledger verifies and every sale
 * got its order. Here: its exit code and its figures. The longer form is `npm run bench`.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"

jest.setTimeout(600_000)

const repoDir = path.resolve(__dirname, "../../../..")
const KILLS = 3

type Kill = { n: number; at_s: number; in_flight: number; unprojected_sales: number; cut_requests_state: Record<string, number> }
type Figures = {
  sales: number
  requests_sent: number
  acknowledged: number
  unanswered_then_retried: number
  unanswered_attempts: number
  retried_found_done: number
  retried_applied_on_retry: number
  not_acknowledged: number
  kill_count: number
  kills: Kill[]
  checks: { sales_stored: number; keys_full: number; keys_without_trace: number; ledger_entries: number; balance_mismatches: number; ledger_verify: { ok: boolean } }
  projection: { projected: number; caught_up_s: number | null }
  statuses: Record<string, number>
  discrepancies: number
  discrepancy_list: string[]
  total_s: number
}

/** The PostgreSQL of the other suites (DB_HOST, DB_PORT, DB_USERNAME), with a database of this run's own. */
function databaseUrl(name: string) {
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/${name}`
}

async function dropDatabase(url: string) {
  const name = new URL(url).pathname.slice(1)
  const maintenance = new URL(url)
  maintenance.pathname = "/postgres"
  const client = new Client({ connectionString: maintenance.toString() })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
  } finally {
    await client.end()
  }
}

const killGroup = (pid: number | undefined, signal: NodeJS.Signals) => {
  if (!pid) return
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

describe("crash under load (bench/scenarios/crash-under-load.mjs, bounded form)", () => {
  const dbName = `cashless_crash_test_${Date.now().toString(36)}`
  const url = databaseUrl(dbName)
  let resultsDir: string
  let child: ChildProcess | undefined
  let output = ""
  let exitCode: number | null = null
  let figures: Figures

  beforeAll(async () => {
    resultsDir = await mkdtemp(path.join(os.tmpdir(), "crash-under-load-"))
    const env: NodeJS.ProcessEnv = { ...process.env }
    // Jest's own Node flags are not the shop's; the script picks its server settings itself.
    delete env.NODE_OPTIONS
    Object.assign(env, {
      DATABASE_URL: url,
      BENCH_RESULTS_DIR: resultsDir,
      BENCH_CRASH_KILLS: String(KILLS),
      BENCH_CRASH_SALES: "120",
      BENCH_CRASH_CONCURRENCY: "8",
      BENCH_CRASH_CARDS: "12",
      BENCH_CRASH_SEED: "20261204",
      BENCH_CRASH_PROJECTION_WAIT: "300",
    })
    child = spawn(process.execPath, ["bench/run.mjs", "crash-under-load"], { cwd: repoDir, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
    child.stdout!.on("data", (c) => (output += c.toString()))
    child.stderr!.on("data", (c) => (output += c.toString()))
    exitCode = await new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)))
    const file = (await readdir(resultsDir)).find((f) => /^crash-under-load-.+\.json$/.test(f))
    if (!file) throw new Error(`the script wrote no figures (exit ${exitCode}):\n${output.slice(-6000)}`)
    figures = JSON.parse(await readFile(path.join(resultsDir, file), "utf8"))
    console.log(`crash-under-load figures (exit ${exitCode}):\n${output.slice(output.indexOf("requests sent"))}`)
  })

  afterAll(async () => {
    // Even after a failure or a timeout: the script first (it stops its server and exits),
    // then any server group it started and could not stop, then the database.
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve))
      killGroup(child.pid, "SIGTERM")
      const timer = setTimeout(() => killGroup(child!.pid, "SIGKILL"), 20_000)
      await exited
      clearTimeout(timer)
    }
    for (const match of output.matchAll(/server pid (\d+)/g)) killGroup(Number(match[1]), "SIGKILL")
    await dropDatabase(url)
    if (resultsDir) await rm(resultsDir, { recursive: true, force: true })
  })

  it("exits 0 and prints no discrepancy", () => {
    expect(figures.discrepancy_list).toEqual([])
    expect(figures.discrepancies).toBe(0)
    expect(output).toContain("discrepancies: 0")
    expect(exitCode).toBe(0)
  })

  it(`killed the server at least ${KILLS} times, with requests in flight that went unanswered and were retried`, () => {
    expect(figures.kill_count).toBeGreaterThanOrEqual(KILLS)
    expect(figures.kills).toHaveLength(figures.kill_count)
    // Each kill waited for a request on the wire; across the run, some were cut and sent again.
    for (const kill of figures.kills) expect(kill.in_flight).toBeGreaterThan(0)
    expect(figures.unanswered_attempts).toBeGreaterThan(0)
    expect(figures.unanswered_then_retried).toBeGreaterThan(0)
    expect(figures.retried_found_done + figures.retried_applied_on_retry).toBe(figures.unanswered_then_retried)
    expect(figures.requests_sent).toBe(figures.sales + figures.unanswered_attempts + retryableAnswers(figures))
  })

  it("had every sale acknowledged, stored once with its one ledger entry, balances and ledger whole", () => {
    expect(figures.acknowledged).toBeGreaterThan(0)
    expect(figures.acknowledged).toBe(figures.sales)
    expect(figures.not_acknowledged).toBe(0)
    expect(figures.checks).toMatchObject({
      sales_stored: figures.sales,
      keys_full: figures.sales,
      keys_without_trace: 0,
      ledger_entries: figures.sales,
      balance_mismatches: 0,
      ledger_verify: { ok: true },
    })
  })

  it("projected every sale into its Medusa order after the last restart", () => {
    expect(figures.projection.projected).toBe(figures.sales)
    expect(figures.projection.caught_up_s).not.toBeNull()
  })
})

/** Requests answered 409/5xx and sent again: neither the first send nor an unanswered one. */
function retryableAnswers(f: Figures) {
  return Object.entries(f.statuses)
    .filter(([status]) => !status.startsWith("2"))
    .reduce((sum, [, n]) => sum + n, 0)
}
