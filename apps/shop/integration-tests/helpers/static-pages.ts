import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export type StaticPages = { origin: string; set: (path: string, type: string, body: string) => void; close: () => Promise<void> }

/**
 * A partner's web server in miniature, on 127.0.0.1 and a free port: the pages the test puts
 * in it and nothing else. Its origin is another one than the shop's, as a real partner's is.
 */
export async function staticPages(): Promise<StaticPages> {
  const files = new Map<string, { type: string; body: string }>()
  const server: Server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? "/", "http://x").pathname)
    if (!file) {
      res.writeHead(404).end("not found")
      return
    }
    res.writeHead(200, { "content-type": `${file.type}; charset=utf-8`, "cache-control": "no-store" }).end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (path, type, body) => void files.set(path, { type, body }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
