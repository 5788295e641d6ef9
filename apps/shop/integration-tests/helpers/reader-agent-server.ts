import { WebSocketServer, type WebSocket } from "ws"

/**
 * A WebSocket server on 127.0.0.1 speaking the reader agent's local protocol (ARCHITECTURE,
 * "Devices and the reader agent"): a status frame on connect, then one tap frame per card. The
 * till page connects to it as it would to the agent on the till computer; the taps travel over
 * a real socket, never through the page's JavaScript.
 */
export type ReaderAgentServer = {
  port: number
  url: string
  /** Sends a tap to every till connected; answers how many got it. */
  tap: (uid: string) => number
  clients: () => number
  /** Stops listening and drops the tills, as an agent that quits. */
  stop: () => Promise<void>
  /** Listens again on the same port. */
  restart: () => Promise<void>
}

export async function startReaderAgent(port = 0, readers = ["Test ACR122U"]): Promise<ReaderAgentServer> {
  let server: WebSocketServer
  const sockets = new Set<WebSocket>()
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server = new WebSocketServer({ host: "127.0.0.1", port: p })
      server.once("error", reject)
      server.once("listening", () => resolve((server.address() as { port: number }).port))
      server.on("connection", (socket) => {
        sockets.add(socket)
        socket.on("close", () => sockets.delete(socket))
        socket.send(JSON.stringify({ type: "status", readers, pcsc: "ok" }))
      })
    })
  const bound = await listen(port)
  return {
    port: bound,
    url: `ws://127.0.0.1:${bound}`,
    tap: (uid) => {
      const frame = JSON.stringify({ type: "tap", uid, reader: readers[0], at: new Date().toISOString() })
      for (const socket of sockets) socket.send(frame)
      return sockets.size
    },
    clients: () => sockets.size,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate()
        sockets.clear()
        server.close(() => resolve())
      }),
    restart: async () => {
      await listen(bound)
    },
  }
}
