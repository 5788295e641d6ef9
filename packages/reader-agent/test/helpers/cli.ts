import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import type { Io } from "../../src/cli-support"

export const CLI = path.join(__dirname, "..", "..", "dist", "cli.js")

/** An Io that keeps what a command printed. */
export function captureIo(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (l) => void out.push(l), err: (l) => void err.push(l), env }
  return { io, out, err, text: () => [...out, ...err].join("\n") }
}

/** The built CLI as a child process, its output kept; `exited` resolves with its exit code. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  })
  let stdout = ""
  let stderr = ""
  child.stdout?.on("data", (d) => (stdout += d))
  child.stderr?.on("data", (d) => (stderr += d))
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  return { child, exited, stdout: () => stdout, stderr: () => stderr }
}
