import WebSocket from "ws"

export type TillClient = { ws: WebSocket; frames: Record<string, unknown>[]; close(): void }

/** A stand-in for the till page: connects with an Origin and keeps every frame it receives. */
export function openTill(port: number, origin: string): Promise<TillClient | { refused: number } | { error: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, origin ? { origin } : {})
    const frames: Record<string, unknown>[] = []
    ws.on("message", (data) => frames.push(JSON.parse(String(data))))
    ws.once("open", () => resolve({ ws, frames, close: () => ws.close() }))
    ws.once("unexpected-response", (_req, res) => resolve({ refused: res.statusCode ?? 0 }))
    ws.on("error", (err) => resolve({ error: err.message }))
  })
}

/** Retries until the agent listens (a freshly spawned agent needs a moment). */
export async function openTillWhenUp(port: number, origin: string, timeoutMs = 20_000): Promise<TillClient> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const result = await openTill(port, origin)
    if ("ws" in result) return result
    if ("refused" in result) throw new Error(`the agent refused ${origin} (${result.refused})`)
    if (Date.now() > until) throw new Error(`the agent does not listen on ${port}: ${result.error}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
