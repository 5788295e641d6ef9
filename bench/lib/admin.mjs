// Setup helpers for scenarios: admin API calls with fetch, bounded parallelism, progress lines.

/** `call(method, path, body)` → `{ status, ok, body }` against the shop's admin API, logged in. */
export function adminApi(target, auth) {
  return async function call(method, path, body) {
    const res = await fetch(`${target.baseUrl}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: res.status, ok: res.ok, body: parsed }
  }
}

/** Throws with the route's own message when a setup call did not succeed. */
export function expectOk(what, res) {
  if (res.ok) return res.body
  const message = typeof res.body === "string" ? res.body : (res.body?.message ?? JSON.stringify(res.body))
  throw new Error(`${what} answered ${res.status}: ${message}`)
}

/**
 * Runs `work(item, index)` for every item with at most `limit` in flight; results in input order.
 * `label` prints "label done/total (rate/s)" at every tenth of the way.
 */
export async function mapLimit(items, limit, work, label) {
  const results = new Array(items.length)
  const started = Date.now()
  const step = Math.max(1, Math.ceil(items.length / 10))
  let next = 0
  let done = 0
  async function worker() {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index], index)
      done++
      if (label && (done % step === 0 || done === items.length)) {
        const rate = done / Math.max(0.001, (Date.now() - started) / 1000)
        console.log(`  ${label} ${done}/${items.length} (${Math.round(rate)}/s)`)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
