/**
 * Owning pcscd in a test or benchmark: stop the one that runs, start our own `pcscd -f` child,
 * wait until it is ready (its socket accepts a connection and vpcd listens on its TCP port), kill
 * it, start it again. Readiness is checked without touching vpcd's port: a connection there
 * would be a card.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { pcscdSocketPath, socketAccepts } from "../sources/pcscd-socket"
import { VPCD_PORT } from "./vpcd-tag"

export const PCSCD_BIN = "/usr/sbin/pcscd"
export const VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"
const PID_FILE = "/run/pcscd/pcscd.pid"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Is a TCP port in LISTEN state on this machine? Read from /proc, without connecting. */
export function tcpListening(port: number): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0")
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue
    const rows = readFileSync(table, "utf8").split("\n").slice(1)
    // columns: sl local_address rem_address st …; st 0A = LISTEN
    if (rows.some((row) => {
      const cols = row.trim().split(/\s+/)
      return cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A"
    })) return true
  }
  return false
}

export async function pcscdReady(): Promise<boolean> {
  return (await socketAccepts(pcscdSocketPath(), 500)).ok && tcpListening(VPCD_PORT)
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await sleep(everyMs)
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Stops the pcscd that runs now (systemd's socket-activated one, or the one in the pid file). */
export async function stopSystemPcscd(): Promise<void> {
  if (existsSync("/run/systemd/system")) {
    // Socket activation would start a pcscd of its own under ours.
    spawnSync("systemctl", ["stop", "pcscd.socket", "pcscd.service"], { stdio: "ignore" })
  }
  if (existsSync(PID_FILE)) {
    const pid = parseInt(readFileSync(PID_FILE, "utf8"), 10) // pcscd ends it with a NUL
    if (Number.isInteger(pid) && pid > 1 && pidAlive(pid)) {
      process.kill(pid, "SIGTERM")
      await waitFor(`pcscd ${pid} to stop`, () => !pidAlive(pid), 10_000)
    }
  }
  await waitFor("pcscd's socket and vpcd's port to close", async () => !(await pcscdReady()) && !tcpListening(VPCD_PORT), 10_000)
}

export type PcscdChild = { child: ChildProcess; log: () => string; stop: () => Promise<void> }

export async function startPcscd({ debug = false }: { debug?: boolean } = {}): Promise<PcscdChild> {
  const child = spawn(PCSCD_BIN, ["-f", "-i", ...(debug ? ["-d"] : [])], { stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  child.stdout?.on("data", (d) => (output += d))
  child.stderr?.on("data", (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  await waitFor("pcscd to be ready", async () => {
    if (child.exitCode !== null) throw new Error(`pcscd exited with ${child.exitCode}: ${output.slice(-500)}`)
    return pcscdReady()
  })
  return {
    child,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
      await exited
      await waitFor("vpcd's port to close", () => !tcpListening(VPCD_PORT), 10_000)
    },
  }
}

/** Leaves a pcscd running in the background, as a machine normally has one. */
export function startBackgroundPcscd(): void {
  spawnSync(PCSCD_BIN, [], { stdio: "ignore" })
}
