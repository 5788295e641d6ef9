// autocannon with our own latency recording: its summary has no p95.
import autocannon from "autocannon"

export function percentile(sorted, p) {
  if (!sorted.length) return null
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

/**
 * One autocannon run. `setupRequest(request)`, when given, is called before every request with
 * autocannon's raw request (`method`, `path`, `headers`, `body`) and returns it changed, e.g.
 * with a body of its own (a fresh idempotency key) or another path (another wallet); it runs
 * in this process, so it may keep state across requests and connections.
 */
export async function load({ title, url, method = "GET", headers = {}, body, connections, duration, setupRequest }) {
  const latencies = []
  const statuses = {}
  const options = { title, url, method, headers, body, connections, duration }
  if (setupRequest) options.requests = [{ setupRequest }]
  const instance = autocannon(options)
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime)
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
  })
  const result = await instance
  latencies.sort((a, b) => a - b)
  const ok = Object.entries(statuses)
    .filter(([code]) => code.startsWith("2"))
    .reduce((n, [, c]) => n + c, 0)
  const round = (v) => (v == null ? null : Math.round(v * 100) / 100)
  return {
    title,
    method,
    url,
    connections,
    duration_s: duration,
    requests: latencies.length,
    req_per_s: round(latencies.length / result.duration),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? null),
    non_2xx: latencies.length - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  }
}

export function printRow(r) {
  const cells = [
    r.title.padEnd(34),
    String(r.req_per_s).padStart(9),
    String(r.p50_ms).padStart(8),
    String(r.p95_ms).padStart(8),
    String(r.p99_ms).padStart(8),
    String(r.non_2xx + r.errors).padStart(7),
  ]
  console.log(cells.join(" "))
}

export function printHeader() {
  console.log(
    ["what".padEnd(34), "req/s".padStart(9), "p50 ms".padStart(8), "p95 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7)].join(" ")
  )
}
