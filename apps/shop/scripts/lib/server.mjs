// The Medusa server process: its own process group, so stopping it stops its children too.
import { spawn } from "node:child_process"

export function startServer({ cli, args, cwd, env, stdio = "inherit" }) {
  return spawn(process.execPath, [cli, ...args], { cwd, env, stdio, detached: true })
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // the group is already gone
  }
}

export async function stopServer(child) {
  if (!child || exited(child)) return
  const done = new Promise((resolve) => child.once("exit", resolve))
  killGroup(child, "SIGTERM")
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000)
  await done
  clearTimeout(timer)
  // medusa develop's own children share the group: none may outlive it.
  killGroup(child, "SIGKILL")
}

/** What a power cut does: SIGKILL to the whole group at once, no shutdown hooks; resolves once it is gone. */
export async function killServer(child) {
  if (!child || exited(child)) return
  const done = new Promise((resolve) => child.once("exit", resolve))
  killGroup(child, "SIGKILL")
  await done
}

export async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited(child)) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering ${url}`)
    }
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}
