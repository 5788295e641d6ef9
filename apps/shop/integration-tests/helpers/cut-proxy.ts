import net from "node:net"

/**
 * A TCP proxy between the browser and the shop that the test can cut, as a network does: the
 * browser talks to the proxy's port, the proxy to the server's. `cutAfterAnswerTo(pattern)` lets
 * the next request whose head matches reach the server and be answered there, then drops that
 * answer and every connection, and refuses new ones until `restore()`. The server applied the
 * request; the browser never learns it.
 */
export type CutProxy = {
  port: number
  cutAfterAnswerTo: (requestHead: RegExp) => Promise<void>
  restore: () => void
  isCut: () => boolean
  close: () => Promise<void>
}

export async function startCutProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<CutProxy> {
  let down = false
  let armed: { pattern: RegExp; done: () => void } | null = null
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>()

  const cutEverything = () => {
    down = true
    for (const { client, upstream } of pairs) {
      client.destroy()
      upstream.destroy()
    }
    pairs.clear()
  }

  const server = net.createServer((client) => {
    if (down) {
      client.destroy()
      return
    }
    const upstream = net.connect(targetPort, targetHost)
    const pair = { client, upstream }
    pairs.add(pair)
    let doomed = false
    client.on("data", (chunk) => {
      if (armed && armed.pattern.test(chunk.toString("latin1"))) doomed = true
      upstream.write(chunk)
    })
    upstream.on("data", (chunk) => {
      if (doomed && armed) {
        // The server has answered the request: the answer is lost with the network.
        const done = armed.done
        armed = null
        cutEverything()
        done()
        return
      }
      client.write(chunk)
    })
    const end = () => {
      pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on("error", end)
    upstream.on("error", end)
    client.on("close", end)
    upstream.on("close", end)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    cutAfterAnswerTo: (pattern) =>
      new Promise<void>((resolve) => {
        armed = { pattern, done: resolve }
      }),
    restore: () => {
      down = false
    },
    isCut: () => down,
    close: () =>
      new Promise<void>((resolve) => {
        cutEverything()
        server.close(() => resolve())
      }),
  }
}
