/**
 * Local mode: the till page (a browser on this computer) connects to ws://127.0.0.1:7373 and
 * receives JSON text frames, `{"type":"tap",…}` and `{"type":"status",…}` (the latter on connect
 * and on every change). The protocol is fixed by ARCHITECTURE.md and parsed on the till by
 * packages/medusa-plugin-cashless/src/admin/lib/till/reader-protocol.ts.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { WebSocket, WebSocketServer } from "ws"
import type { Logger } from "./log"
import { normalizeOrigin } from "./origins"
import type { PcscState } from "./sources/reader-source"
import type { Tap } from "./tap-detector"

export type StatusFrame = { type: "status"; readers: string[]; pcsc: PcscState }

export type LocalServerOptions = {
  host: string
  port: number
  allowedOrigins: string[]
  log: Logger
  /** The status a till gets the moment it connects. */
  currentStatus: () => StatusFrame
}

export class LocalServer {
  private readonly http: http.Server
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 })

  constructor(private readonly opts: LocalServerOptions) {
    this.http = http.createServer((_req, res) => {
      res.writeHead(426, { "content-type": "text/plain; charset=utf-8", upgrade: "websocket" })
      res.end("cashless-reader: this address speaks WebSocket only (the till page connects here)\n")
    })
    this.http.on("upgrade", (req, socket, head) => {
      const origin = req.headers.origin
      const normalized = origin ? normalizeOrigin(origin) : null
      if (!normalized || !opts.allowedOrigins.includes(normalized)) {
        opts.log.warn("refused a connection from an origin that is not allowed", {
          origin: origin ?? null,
          allowed: opts.allowedOrigins,
          fix: "if this is your till's admin address, add it with --allow-origin or CASHLESS_READER_ALLOWED_ORIGINS",
        })
        const body = "Origin not allowed by cashless-reader\n"
        socket.end(
          `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`
        )
        return
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req))
    })
    this.wss.on("connection", (ws: WebSocket, req: http.IncomingMessage) => {
      ws.on("error", (err) => opts.log.debug("till connection error", { error: err.message }))
      ws.on("close", () => opts.log.info("till disconnected", { clients: this.wss.clients.size }))
      // The till speaks nothing to the agent; whatever it sends is ignored.
      opts.log.info("till connected", { origin: req.headers.origin, clients: this.wss.clients.size })
      ws.send(JSON.stringify(opts.currentStatus()))
    })
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        reject(
          err.code === "EADDRINUSE"
            ? new Error(
                `${this.opts.host}:${this.opts.port} is already in use (another cashless-reader running?): stop it or choose --port`
              )
            : err
        )
      }
      this.http.once("error", onError)
      this.http.listen(this.opts.port, this.opts.host, () => {
        this.http.off("error", onError)
        const { port } = this.http.address() as AddressInfo
        this.opts.log.info("serving taps to the till page", {
          url: `ws://${this.opts.host.includes(":") ? `[${this.opts.host}]` : this.opts.host}:${port}`,
          allowed_origins: this.opts.allowedOrigins,
        })
        resolve(port)
      })
    })
  }

  private send(frame: Tap | StatusFrame) {
    const text = JSON.stringify(frame)
    for (const client of this.wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(text)
    }
  }

  tap(tap: Tap): number {
    this.send(tap)
    return [...this.wss.clients].filter((c) => c.readyState === WebSocket.OPEN).length
  }

  status(frame: StatusFrame): void {
    this.send(frame)
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate()
    this.wss.close()
    await new Promise<void>((resolve) => this.http.close(() => resolve()))
  }
}
