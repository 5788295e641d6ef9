import http from "node:http"
import type { AddressInfo } from "node:net"

export type StubRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; body: unknown }
export type StubHandler = (req: StubRequest, raw: { req: http.IncomingMessage; res: http.ServerResponse }) =>
  | { status: number; body?: unknown }
  | "hang-up"
  | Promise<{ status: number; body?: unknown } | "hang-up">

/**
 * A small HTTP server standing in for the shop (device contract routes). It can be stopped and
 * started again on the same port, to play a server that goes away and comes back.
 */
export class HttpStub {
  readonly requests: StubRequest[] = []
  private server: http.Server | null = null
  port = 0

  constructor(public handler: StubHandler) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(port = this.port): Promise<this> {
    const server = http.createServer((req, res) => {
      let text = ""
      req.on("data", (d) => (text += d))
      req.on("end", async () => {
        let body: unknown = undefined
        try {
          body = text ? JSON.parse(text) : undefined
        } catch {
          body = text
        }
        const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body }
        this.requests.push(entry)
        const answer = await this.handler(entry, { req, res })
        if (answer === "hang-up") {
          // The request reached the server; the answer is lost on the way back.
          req.socket.destroy()
          return
        }
        res.writeHead(answer.status, { "content-type": "application/json" })
        res.end(answer.body === undefined ? "" : JSON.stringify(answer.body))
      })
    })
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()))
    this.port = (server.address() as AddressInfo).port
    this.server = server
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

export async function freePort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
