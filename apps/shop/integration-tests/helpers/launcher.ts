// Drives the dev launcher (scripts/dev.mjs) as a person would from a terminal.
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import net from "node:net"
import os from "node:os"
import path from "node:path"

export const appDir = path.resolve(__dirname, "../..")

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

export type Launch = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

/** The environment of a fresh machine: no database, no Redis, nothing from the test runner. */
export function freshMachineEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of ["DATABASE_URL", "REDIS_URL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "NODE_OPTIONS", "LOG_LEVEL"]) {
    delete env[key]
  }
  return { ...env, NODE_ENV: "development", NO_COLOR: "1", ...overrides }
}

export function launch(env: NodeJS.ProcessEnv, args: string[] = []): Launch {
  // Its own process group, like a command started from a terminal.
  const child = spawn(process.execPath, ["scripts/dev.mjs", ...args], {
    cwd: appDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let out = ""
  child.stdout!.on("data", (c) => (out += c.toString()))
  child.stderr!.on("data", (c) => (out += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  return { child, output: () => out, exited }
}

export async function waitFor(what: string, run: Launch, pattern: RegExp, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = run.output().match(pattern)
    if (match) return match
    if (run.child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no ${what} in the launcher's output:\n${run.output()}`)
}

/** What Ctrl-C in a terminal does: SIGINT to every process of the foreground group. */
export async function ctrlC(run: Launch) {
  process.kill(-run.child.pid!, "SIGINT")
  return run.exited
}

/**
 * Cleanup after a test, even a failed one: Ctrl-C first so the launcher stops its own
 * detached server and database, then SIGKILL for whatever is left of its group.
 */
export async function stopLauncher(run: Launch, graceMs = 30_000) {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-run.child.pid!, signal)
    } catch {
      // already gone
    }
  }
  killGroup("SIGINT")
  const timer = setTimeout(() => killGroup("SIGKILL"), graceMs)
  await run.exited
  clearTimeout(timer)
}

export function printed(run: Launch) {
  const out = run.output()
  return {
    email: out.match(/Login\s+(\S+)/)?.[1] ?? "",
    password: out.match(/Password\s+(\S+)/)?.[1] ?? "",
    publishableKey: out.match(/Publishable\s+(pk_\w+)/)?.[1] ?? "",
  }
}

export type ServedShop = { run: Launch; base: string; pgPort: number; dataDir: string; stop: () => Promise<void> }

/** `npm run serve` (production build) on a fresh embedded database in a temporary folder. */
/**
 * Where the first `npm run serve` of a test run says that its builds (the plugin's and `medusa
 * build`'s) are done: the suites after it in the same run serve those builds (CASHLESS_PREBUILT)
 * instead of building the same sources again, ~2 minutes each. Keyed by the run (the jest global
 * setup names it), so a new run always builds once.
 */
const buildStamp = () => (process.env.CASHLESS_TEST_RUN_ID ? path.join(os.tmpdir(), `cashless-serve-built-${process.env.CASHLESS_TEST_RUN_ID}`) : null)

export async function serveShop(prefix: string, readyTimeoutMs = 540_000, options: { reuseBuild?: boolean } = {}): Promise<ServedShop> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`))
  const httpPort = await freePort()
  const pgPort = await freePort()
  const stamp = options.reuseBuild === false ? null : buildStamp()
  const prebuilt = !!stamp && existsSync(stamp)
  const run = launch(
    freshMachineEnv({
      CASHLESS_DATA_DIR: dataDir,
      CASHLESS_PG_PORT: String(pgPort),
      PORT: String(httpPort),
      ...(prebuilt ? { CASHLESS_PREBUILT: "true" } : {}),
    }),
    ["--prod"]
  )
  const stop = async () => {
    await stopLauncher(run)
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    // A production build on a busy two-core machine: give it time.
    await waitFor("ready banner", run, /The shop is running\./, readyTimeoutMs)
  } catch (err) {
    await stop()
    throw err
  }
  if (stamp && !prebuilt) await writeFile(stamp, new Date().toISOString())
  return { run, base: `http://localhost:${httpPort}`, pgPort, dataDir, stop }
}
