import http from "node:http"

export type SseEvent = { event: string; data: any } // eslint-disable-line @typescript-eslint/no-explicit-any

export type SseClient = {
  status: number
  headers: http.IncomingHttpHeaders
  events: SseEvent[]
  comments: string[]
  /** The body of a refused request (not a stream). */
  body: string
  /** Waits for the next event matching `pick` (already received ones count), or fails after `timeoutMs`. */
  next: (pick: (e: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>
  close: () => void
}

/**
 * A plain Node HTTP client reading Server-Sent Events the way a browser's EventSource does
 * (`event:`/`data:` lines, a blank line ends an event, `:` lines are comments), so the tests do
 * not trust the page's own parser.
 */
export function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        body: "",
        next: (pick, timeoutMs = 10_000) =>
          new Promise((done, fail) => {
            const deadline = Date.now() + timeoutMs
            const poll = () => {
              const found = client.events.find(pick)
              if (found) return done(found)
              if (Date.now() > deadline) return fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(client.events)}`))
              setTimeout(poll, 25)
            }
            poll()
          }),
        close: () => req.destroy(),
      }
      let buffer = ""
      let event = "message"
      let data: string[] = []
      res.setEncoding("utf8")
      res.on("data", (chunk: string) => {
        if (client.status !== 200) {
          client.body += chunk
          return
        }
        buffer += chunk
        let newline: number
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, "")
          buffer = buffer.slice(newline + 1)
          if (line === "") {
            if (data.length) client.events.push({ event, data: JSON.parse(data.join("\n")) })
            event = "message"
            data = []
          } else if (line.startsWith(":")) client.comments.push(line.slice(1).trim())
          else if (line.startsWith("event:")) event = line.slice(6).trim()
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""))
        }
      })
      res.on("error", () => {})
      // A refused request ends: its body is complete then.
      if (client.status !== 200) res.on("end", () => resolve(client))
      else resolve(client)
    })
    req.on("error", (err) => {
      if ((err as NodeJS.ErrnoException).code !== "ECONNRESET") reject(err)
    })
  })
}
