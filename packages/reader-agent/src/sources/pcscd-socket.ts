/**
 * Is pcscd there? The only safe way to ask: the native addon's constructor retries in a busy
 * loop while pcscd does not answer (100% CPU, event loop blocked), so the agent probes pcscd's
 * Unix socket itself and creates a PC/SC context only once it accepts a connection.
 */
import net from "node:net"

export const DEFAULT_PCSCD_SOCKET = "/run/pcscd/pcscd.comm"

export function pcscdSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PCSCLITE_CSOCK_NAME || DEFAULT_PCSCD_SOCKET
}

export function socketAccepts(socketPath: string, timeoutMs = 1000): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ path: socketPath })
    const done = (result: { ok: true } | { ok: false; reason: string }) => {
      socket.removeAllListeners()
      socket.on("error", () => undefined)
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => done({ ok: false, reason: "no answer" }))
    socket.once("connect", () => done({ ok: true }))
    socket.once("error", (err: NodeJS.ErrnoException) => done({ ok: false, reason: err.code ?? err.message }))
  })
}
