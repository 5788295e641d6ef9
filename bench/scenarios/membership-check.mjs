// What a tap costs to read before any money moves: the membership check by card UID, and the
// card lookup the till shows (card, holder, balances and membership), on the demo shop's cards.
//
//   BENCH_MEMBERSHIP_CONCURRENCY  comma-separated concurrencies (default "1,16")
//
// Needs the demo seed (`npm run dev` or `npm run serve` on a fresh data folder): card N° 0001 is an
// anonymous member, N° 0002 is Camille's card (member, renewed), N° 0005 was never used (none).
import { adminApi, expectOk } from "../lib/admin.mjs"

const CONCURRENCY = (process.env.BENCH_MEMBERSHIP_CONCURRENCY || "1,16").split(",").map((v) => {
  const n = Number(v.trim())
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_MEMBERSHIP_CONCURRENCY must be positive integers, not "${v}"`)
  return n
})
const demoUid = (n) => `04DE4D000000${n.toString(16).toUpperCase().padStart(2, "0")}`
const CARDS = [1, 2, 5].map(demoUid)

export const description = `membership check by card UID and card lookup (demo cards 0001, 0002, 0005), concurrency ${CONCURRENCY.join(", ")}`

export async function run({ target, auth, duration, load }) {
  const api = adminApi(target, auth)
  const prefix = new URL(target.baseUrl).pathname.replace(/\/$/, "")
  // A wrong seed or route fails here with its message, not as rows of errors.
  const statuses = []
  for (const uid of CARDS) {
    const { membership } = expectOk(`GET membership-check ${uid}`, await api("GET", `/admin/cashless/membership-check?uid=${uid}`))
    statuses.push(`${uid}: ${membership.status}`)
  }
  console.log(`  demo cards: ${statuses.join(", ")}`)
  const rows = []
  for (const [name, path] of [
    ["membership check by uid", (uid) => `/admin/cashless/membership-check?uid=${uid}`],
    ["card lookup with membership", (uid) => `/admin/cashless/card-lookup?uid=${uid}`],
  ]) {
    for (const connections of CONCURRENCY) {
      let i = 0
      rows.push(
        await load({
          title: `${name}, c ${connections}`,
          url: `${target.baseUrl}${path(CARDS[0])}`,
          headers: auth,
          connections,
          duration,
          setupRequest: (req) => {
            req.path = prefix + path(CARDS[i++ % CARDS.length])
            return req
          },
        })
      )
    }
  }
  return rows
}
