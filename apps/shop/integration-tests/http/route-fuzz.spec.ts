import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { createHash } from "node:crypto"
import type { Db } from "../helpers/db"
import { readOpenApi, servedOperations } from "../helpers/openapi-contract"
import { buildRequest, corruptionsFor, type HttpRequest, type Operation, unreadable } from "../helpers/request-corruption"
import { BASE_REQUESTS, fuzzFixture } from "../helpers/route-fuzz-cases"
import { WriteWatch } from "../helpers/write-watch"

// Fuzzing of every plugin route's input (#11, docs/fuzzing.md): each route's valid request,
// corrupted by fast-check from the route's OpenAPI description, must get a 4xx with a readable
// message, never a 5xx, and a refused request must write no row (WriteWatch: a trigger on every
// table logs each committed write; exact, not sampled).
// FUZZ_RUNS (inputs per route), FUZZ_SEED, FUZZ_ROUTES (a substring of `METHOD /matcher`) and
// FUZZ_SHRINK=1 (shrink a counterexample, slower) tune a longer or narrower run.
jest.setTimeout(1_800_000)
delete process.env.REDIS_URL

const RUNS = Number(process.env.FUZZ_RUNS ?? 15)
const SEED = Number(process.env.FUZZ_SEED ?? 1104)
const ONLY = process.env.FUZZ_ROUTES
const SHRINK = process.env.FUZZ_SHRINK === "1"
/** No answer in this long is a failure too (a request that hangs a worker). */
const ANSWER_MS = 30_000

const doc = readOpenApi() as unknown as { paths: Record<string, Record<string, Operation>> }
const operationOf = (method: string, matcher: string) => doc.paths[matcher.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()]
/** A seed per route, from the run's seed: adding a route does not change the others' inputs. */
const seedOf = (op: string) => (SEED ^ createHash("sha256").update(op).digest().readInt32BE(0)) | 0
/** A 100 kB string in a report is `"xxx…(×100001)"`. */
const shorten = (text: string) => text.replace(/(.)\1{99,}/gsu, (run, c: string) => `${c.repeat(3)}…(×${[...run].length})`)

type Answer = { status: number; data: unknown; type: string }

async function send(base: string, request: HttpRequest, stream: boolean): Promise<Answer> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), ANSWER_MS)
  try {
    const res = await fetch(base + request.url, { method: request.method, headers: request.headers, body: request.body, signal: controller.signal, redirect: "manual" })
    const type = res.headers.get("content-type") ?? ""
    if (stream && type.startsWith("text/event-stream")) {
      controller.abort() // the tap stream never ends: its status is the answer
      return { status: res.status, data: null, type }
    }
    const text = await res.text()
    let data: unknown = text
    try {
      data = text ? JSON.parse(text) : null
    } catch {
      // CSV, HTML or an empty answer: kept as text
    }
    return { status: res.status, data, type }
  } catch (err) {
    if (controller.signal.aborted) return { status: 0, data: `no answer in ${ANSWER_MS} ms`, type: "" }
    throw err
  } finally {
    clearTimeout(timer)
  }
}

const describeRequest = (r: HttpRequest) => shorten(`${r.method} ${r.url}${r.body !== undefined ? ` ${r.headers["content-type"]} ${r.body}` : ""}`).slice(0, 1_500)

describe("the route fuzz cases", () => {
  it("cover exactly the routes the built plugin serves (Medusa's RoutesLoader)", async () => {
    const served = await servedOperations()
    expect(served.length).toBeGreaterThan(70)
    expect({
      served_without_fuzz_cases: served.filter((op) => !BASE_REQUESTS[op]).sort(),
      cases_for_routes_not_served: Object.keys(BASE_REQUESTS).filter((op) => !served.includes(op)).sort(),
      served_without_openapi_description: served.filter((op) => !operationOf(op.split(" ")[0], op.split(" ")[1])).sort(),
    }).toEqual({ served_without_fuzz_cases: [], cases_for_routes_not_served: [], served_without_openapi_description: [] })
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("has a write check that sees an insert, an update and a delete, and not a rollback or a heartbeat", async () => {
      const db = dbConnection as unknown as Db
      await db.raw(`create table fuzz_probe (id int primary key, note text, last_seen_at timestamptz)`)
      await db.raw(`insert into fuzz_probe values (1, 'a', now())`)
      const watch = await WriteWatch.create(db, { volatile: { fuzz_probe: ["last_seen_at"] } })
      const probe = async (write: () => Promise<unknown>) => {
        const before = await watch.before()
        await write()
        return (await watch.after(before)).filter((t) => t.startsWith("fuzz_probe "))
      }
      expect(await probe(async () => undefined)).toEqual([])
      expect(await probe(() => db.raw(`insert into fuzz_probe values (2, 'b', now())`))).toEqual(["fuzz_probe (1 row written)"])
      expect(await probe(() => db.raw(`update fuzz_probe set note = 'c' where id = 1`))).toEqual(["fuzz_probe (1 row written)"])
      expect(await probe(() => db.raw(`delete from fuzz_probe where id = 2`))).toEqual(["fuzz_probe (1 row written)"])
      expect(await probe(() => db.raw(`update fuzz_probe set last_seen_at = now() + interval '1 minute'`))).toEqual([])
      expect(await probe(() => db.raw(`do $$ begin insert into fuzz_probe values (3, 'd', now()); raise exception 'rolled back'; end $$`).catch(() => undefined))).toEqual([])
      await db.raw(`drop table fuzz_probe`)
    })

    it("answers corrupted input to every route with a readable 4xx, never a 5xx, and writes nothing it refuses", async () => {
      const started = Date.now()
      const db = dbConnection as unknown as Db
      const base = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      const f = await fuzzFixture(getContainer(), api, db)
      const watch = await WriteWatch.create(db, {
        // The workflow engine's own record of runs (a failed run included) is not the shop's data.
        exclude: ["workflow_execution"],
        // A reader's heartbeat is written once per 10 s by whichever request it sends, refused or not.
        volatile: { cashless_device: ["last_seen_at", "updated_at"] },
      })
      const ops = (await servedOperations()).filter((op) => BASE_REQUESTS[op] && (!ONLY || op.includes(ONLY))).sort()
      expect(ops.length).toBeGreaterThan(0)

      const failures: string[] = []
      const lines: string[] = []
      let inputs = 0
      let refused = 0
      let accepted = 0
      let rechecked = 0
      for (const op of ops) {
        const [method, matcher] = op.split(" ")
        const make = BASE_REQUESTS[op]
        const shape = make(f)
        const statuses = new Map<number, number>()
        const valid = await send(base, buildRequest(method, matcher, shape, f.headers[shape.actor], []), Boolean(shape.stream))
        if (valid.status >= 500 || valid.status === 0) failures.push(`${op}: its valid request answered ${valid.status} ${shorten(JSON.stringify(valid.data)).slice(0, 500)}`)
        if (valid.status < 400 && method !== "GET") await watch.settle()
        const seed = seedOf(op)
        const started = Date.now()
        const result = await fc.check(
          fc.asyncProperty(corruptionsFor(operationOf(method, matcher), method, matcher, shape), async (corruptions) => {
            const request = buildRequest(method, matcher, make(f), f.headers[shape.actor], corruptions)
            const before = await watch.before()
            const answer = await send(base, request, Boolean(shape.stream))
            inputs++
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
            const said = shorten(typeof answer.data === "string" ? answer.data : JSON.stringify(answer.data) ?? "").slice(0, 600)
            if (answer.status >= 500 || answer.status === 0) throw new Error(`answered ${answer.status} ${said}\n  to ${describeRequest(request)}`)
            if (answer.status >= 400) {
              refused++
              const why = unreadable(answer.data, answer.type)
              if (why) throw new Error(`answered ${answer.status}, ${why}\n  to ${describeRequest(request)}`)
              const written = await watch.after(before)
              if (written.length) {
                // Maybe the aftermath of an earlier accepted request (a sale's order, projected in
                // the background) or a scheduled job: once all is quiet, the same refused request
                // again. A refusal that writes writes again, or answers otherwise the second time.
                await watch.settle(300)
                const again = await watch.before()
                const second = await send(base, request, Boolean(shape.stream))
                const rewritten = await watch.after(again)
                if (rewritten.length || second.status !== answer.status || JSON.stringify(second.data) !== JSON.stringify(answer.data)) {
                  throw new Error(`answered ${answer.status} ${said} but wrote ${written.join(", ")} (sent again: ${second.status}, wrote ${rewritten.join(", ") || "nothing"})\n  to ${describeRequest(request)}`)
                }
                rechecked++
              }
            } else {
              accepted++
              if (method !== "GET") await watch.settle()
            }
          }),
          { numRuns: RUNS, seed, endOnFailure: !SHRINK }
        )
        const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ")
        lines.push(`  ${op}: valid ${valid.status}; ${result.numRuns} inputs in ${Date.now() - started} ms: ${histogram}`)
        if (result.failed) failures.push(`${op} (seed ${seed}):\n${shorten(fc.defaultReportMessage(result) ?? "")}`)
      }

      console.log(
        `Route fuzzing: ${ops.length} routes, ${inputs} inputs tried (${refused} refused, ${accepted} accepted), ` +
          `${RUNS} per route, seed ${SEED} (FUZZ_SEED), ${rechecked} background writes ruled out by sending again, ` +
          `${Math.round((Date.now() - started) / 1000)} s\n${lines.join("\n")}`
      )
      expect(failures).toEqual([])
    })
  },
})
