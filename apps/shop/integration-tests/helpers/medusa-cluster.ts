// Several real Medusa processes of the shop app (`medusa start`, not the in-process test runner)
// on one fresh PostgreSQL database and one Redis database: what a festival runs (docs/festival-mode.md).
import { type ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import Redis from "ioredis"
import type pg from "pg"
import { appDir, freePort } from "./launcher"

export type WorkerMode = "shared" | "server" | "worker"

type ServerLib = {
  startServer(options: { cli: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv; stdio?: unknown }): ChildProcess
  stopServer(child: ChildProcess): Promise<void>
  waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void>
}

// The dev launcher's own process handling (scripts/lib/server.mjs) is an ES module; swc would turn
// a plain `import()` into a `require`, which cannot load one, so the import is kept out of its reach.
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>
const serverLib = () => importEsm(path.join(appDir, "scripts/lib/server.mjs")) as Promise<ServerLib>

const medusaCli = require.resolve("@medusajs/cli/cli.js")
/** A production boot of the TypeScript app on a busy two-core machine. */
const BOOT_TIMEOUT_MS = 300_000
/** Enough of a process's log to explain a failure, without growing for ever. */
const MAX_OUTPUT = 4_000_000

/** The PostgreSQL server the tests use (DB_* as for Medusa's test runner; the jest global setup sets them). */
export function postgresUrl(database: string): string {
  const url = new URL("postgres://localhost")
  url.hostname = process.env.DB_HOST || "localhost"
  url.port = process.env.DB_PORT || "5432"
  url.username = process.env.DB_USERNAME || "postgres"
  url.password = process.env.DB_PASSWORD || ""
  url.pathname = `/${database}`
  return url.toString()
}

type DatabaseLib = { withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> }
const databaseLib = () => importEsm(path.join(appDir, "scripts/lib/database.mjs")) as Promise<DatabaseLib>

async function withPostgres<T>(database: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return (await databaseLib()).withClient(postgresUrl(database), fn)
}

export const createDatabase = (name: string) => withPostgres("postgres", (c) => c.query(`create database ${c.escapeIdentifier(name)}`))
/** `with (force)` ends the sessions a killed process may have left behind. */
export const dropDatabase = (name: string) => withPostgres("postgres", (c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`))

const CLAIM_KEY = "medusa-cluster:claimed-by"

export type RedisDatabase = { url: string; db: number; release: () => Promise<void> }

/**
 * A Redis database number of its own (1–15; 0 is everybody's default), so that suites running
 * at the same time never share Medusa's queues, locks and workflow state: the first one found
 * empty is claimed with SET NX. Released by flushing it: everything in it was ours.
 */
export async function claimRedisDatabase(baseUrl: string): Promise<RedisDatabase> {
  const token = `${process.pid}-${randomBytes(6).toString("hex")}`
  for (let db = 1; db <= 15; db++) {
    const url = new URL(baseUrl)
    url.pathname = `/${db}`
    const redis = new Redis(url.toString(), { maxRetriesPerRequest: 2 })
    try {
      const claimed = (await redis.set(CLAIM_KEY, token, "EX", 6 * 3600, "NX")) === "OK"
      if (claimed && (await redis.dbsize()) === 1) {
        return {
          url: url.toString(),
          db,
          release: async () => {
            if ((await redis.get(CLAIM_KEY)) === token) await redis.flushdb()
            await redis.quit()
          },
        }
      }
      if (claimed) await redis.del(CLAIM_KEY)
    } catch (err) {
      await redis.quit().catch(() => {})
      throw err
    }
    await redis.quit()
  }
  throw new Error(`no free Redis database (1-15) at ${baseUrl}: another run may have left ${CLAIM_KEY} behind (FLUSHDB it)`)
}

export type MedusaProcess = {
  name: string
  mode: WorkerMode
  base: string
  child: ChildProcess
  output: () => string
  /** From spawn to the first 200 of /health. */
  bootMs: number
}

export type Cluster = {
  database: string
  databaseUrl: string
  redisUrl: string
  redisDb: number
  /** A Redis connection to the cluster's database, for the test to look at queues. */
  redis: Redis
  processes: Map<string, MedusaProcess>
  get(name: string): MedusaProcess
  /** Starts (or starts again) a process and waits for its /health. */
  start(name: string, mode: WorkerMode, env?: Record<string, string>): Promise<MedusaProcess>
  /** SIGTERM to its process group (SIGKILL after 10 s). */
  stop(name: string): Promise<void>
  /** Runs a Medusa CLI command (db:migrate, user, exec …) against the cluster's database. */
  cli(args: string[]): Promise<{ ms: number; output: string }>
  /** Stops every process, drops the database and flushes the Redis database; safe to call twice. */
  destroy(): Promise<void>
}

/** Every process group still running, killed if the test process itself goes away first. */
const running = new Set<ChildProcess>()
let exitHookInstalled = false
const killLeftovers = () => killGroups(running)
function killGroups(children: Set<ChildProcess>) {
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {
      // already gone
    }
  }
}

/**
 * A fresh database (created and migrated) and a Redis database of its own, on which `start`
 * runs the shop app's processes: `medusa start` on the TypeScript app itself (ts-node with swc,
 * as `medusa develop` does), admin disabled, NODE_ENV=production, so no `medusa build` is needed.
 * All processes share the JWT and cookie secrets, so a login on one is valid on all.
 */
export async function createCluster(label: string, options: { redisBaseUrl: string; env?: Record<string, string> }): Promise<Cluster> {
  const lib = await serverLib()
  const database = `cluster_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`.toLowerCase()
  const redisDb = await claimRedisDatabase(options.redisBaseUrl)
  const databaseUrl = postgresUrl(database)
  const redis = new Redis(redisDb.url, { maxRetriesPerRequest: 2 })
  const baseEnv: NodeJS.ProcessEnv = { ...process.env }
  // Jest's own settings (test environment, VM modules, an 8 GB heap) are not the app's.
  for (const key of ["NODE_OPTIONS", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "DB_TEMP_NAME", "JEST_WORKER_ID"]) delete baseEnv[key]
  Object.assign(baseEnv, {
    NODE_ENV: "production",
    NO_COLOR: "1",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisDb.url,
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECURE: "false",
    // The jest setup quiets the in-process app to warnings; these processes log as in production.
    LOG_LEVEL: "info",
    ...options.env,
  })
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once("exit", killLeftovers)
  }

  const processes = new Map<string, MedusaProcess>()
  const mine = new Set<ChildProcess>()
  let created = false
  let destroyed = false

  const capture = (child: ChildProcess) => {
    let out = ""
    const add = (chunk: Buffer) => {
      out += chunk.toString()
      if (out.length > MAX_OUTPUT) out = out.slice(-MAX_OUTPUT / 2)
    }
    child.stdout?.on("data", add)
    child.stderr?.on("data", add)
    return () => out
  }

  const cli = (args: string[]) =>
    new Promise<{ ms: number; output: string }>((resolve, reject) => {
      const started = Date.now()
      const child = spawn(process.execPath, [medusaCli, ...args], { cwd: appDir, env: baseEnv, stdio: ["ignore", "pipe", "pipe"], detached: true })
      running.add(child)
      mine.add(child)
      const output = capture(child)
      child.once("error", reject)
      child.once("exit", (code, signal) => {
        running.delete(child)
        mine.delete(child)
        if (code === 0) resolve({ ms: Date.now() - started, output: output() })
        else reject(new Error(`medusa ${args.join(" ")} exited (${code ?? signal}):\n${output().slice(-4000)}`))
      })
    })

  const stop = async (name: string) => {
    const proc = processes.get(name)
    if (!proc) return
    await lib.stopServer(proc.child)
    running.delete(proc.child)
    mine.delete(proc.child)
  }

  const cluster: Cluster = {
    database,
    databaseUrl,
    redisUrl: redisDb.url,
    redisDb: redisDb.db,
    redis,
    processes,
    get(name) {
      const proc = processes.get(name)
      if (!proc) throw new Error(`no process ${name} in the cluster`)
      return proc
    },
    async start(name, mode, env = {}) {
      if (!created) throw new Error("the cluster's database is not created yet")
      await stop(name)
      const port = await freePort()
      const started = Date.now()
      const child = lib.startServer({
        cli: medusaCli,
        args: ["start"],
        cwd: appDir,
        env: { ...baseEnv, ...env, MEDUSA_WORKER_MODE: mode, PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      })
      running.add(child)
      mine.add(child)
      const output = capture(child)
      const base = `http://localhost:${port}`
      const proc: MedusaProcess = { name, mode, base, child, output, bootMs: 0 }
      processes.set(name, proc)
      try {
        await lib.waitForHealth(`${base}/health`, child, BOOT_TIMEOUT_MS)
      } catch (err) {
        throw new Error(`${name} (${mode}) did not start: ${(err as Error).message}\n${output().slice(-4000)}`)
      }
      proc.bootMs = Date.now() - started
      return proc
    },
    stop,
    cli,
    async destroy() {
      if (destroyed) return
      destroyed = true
      await Promise.all([...processes.keys()].map((name) => stop(name).catch(() => {})))
      // MEDUSA_CLUSTER_LOGS=<dir> keeps each process's output, to read after a failure.
      const logDir = process.env.MEDUSA_CLUSTER_LOGS
      if (logDir) {
        mkdirSync(logDir, { recursive: true })
        for (const proc of processes.values()) writeFileSync(path.join(logDir, `${database}-${proc.name}.log`), proc.output())
      }
      killGroups(mine)
      await redis.quit().catch(() => {})
      await redisDb.release().catch(() => {})
      if (created) await dropDatabase(database)
    },
  }

  try {
    await createDatabase(database)
    created = true
  } catch (err) {
    await cluster.destroy()
    throw err
  }
  return cluster
}
