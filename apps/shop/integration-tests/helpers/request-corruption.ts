import fc from "fast-check"
import type { BaseRequest } from "./route-fuzz-cases"

/**
 * Corruptions of a valid request, generated from the route's OpenAPI description (its body
 * schema, path and query parameters), so a new route gets them without new code: wrong types,
 * out-of-range numbers, unicode (emoji, RTL, NUL, lone surrogates), huge strings, missing
 * required fields, unknown fields, arrays and objects for scalars, bad path and query values,
 * broken JSON and other content types, broken credentials.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema
  required?: string[]
  anyOf?: Schema[]
  enum?: unknown[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  maxItems?: number
}
export type Operation = {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>
  requestBody?: { content?: Record<string, { schema?: Schema }> }
}

type Path = Array<string | number>
export type Corruption =
  | { kind: "field"; at: Path; value: unknown }
  | { kind: "drop"; at: Path }
  | { kind: "extra"; at: Path; name: string; value: unknown }
  | { kind: "body"; value: unknown }
  | { kind: "raw-body"; text: string; contentType: string }
  | { kind: "param"; name: string; value: string; raw: boolean }
  | { kind: "query"; name: string; values: string[]; raw: boolean }
  | { kind: "auth"; header: string; value: string }

/** At least 100 kB of text: beyond the JSON parser's default limit once wrapped in a body. */
const HUGE = ["x".repeat(100_001), "é".repeat(60_000), "🍺".repeat(30_000), "9".repeat(100_001)]
const STRINGS = [
  "", " ", "\t\r\n", "\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\uDBFF\uDBFF", "🍺💳🎟️", "👨‍👩‍👧‍👦", "\u202Eevil\u202C", "مرحبا بالعالم", "שלום",
  "Ω≈ç√∫", "ｆｕｌｌ", "１２３", "' OR '1'='1' --", "\"; DROP TABLE cashless_card; --", "1; select pg_sleep(5)", '{"$ne":null}',
  "../../etc/passwd", "%00", "%", "null", "undefined", "NaN", "Infinity", "-Infinity", "-1", "0", "1e309", "0x1F", "1_000", "__proto__", "constructor",
  "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "x".repeat(5_000),
]
const NUMBERS = [-1, 0, -0, 0.5, 1.5, -1.5, 1e-7, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE]
const NUMBER_TEXTS = ["-1", "0", "0.5", "1.5", "NaN", "Infinity", "-Infinity", "1e309", "99999999999999999999", "", " 5", "5abc", "0x10", "1,5", "+1", "-0", "١٢"]

const deep = (depth: number): unknown => (depth === 0 ? 1 : [deep(depth - 1)])
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) }
)
const nastyNumber = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...NUMBER_TEXTS)
)
const wrongShape = fc.constantFrom<unknown>(null, true, false, [], [1], ["a", "b"], {}, { a: 1 }, { $gt: 0 }, [[[]]], deep(200), { __proto__: { admin: true } })
const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 3, arbitrary: wrongShape },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }
)

/** The schema without its `null` alternative. */
function unwrap(schema?: Schema): Schema | undefined {
  if (!schema?.anyOf) return schema
  return schema.anyOf.find((s) => s.type !== "null") ?? schema.anyOf[0]
}
const typeOf = (schema?: Schema) => {
  const t = unwrap(schema)?.type
  return Array.isArray(t) ? t[0] : t
}

/** Values a field of this schema must refuse (or, rarely, accept), next to anything at all. */
function valueFor(schema?: Schema): fc.Arbitrary<unknown> {
  const s = unwrap(schema)
  const near: Array<fc.Arbitrary<unknown>> = []
  const t = typeOf(s)
  if (t === "number" || t === "integer") {
    const edges = [s?.minimum, s?.maximum].filter((n): n is number => typeof n === "number" && Number.isSafeInteger(n))
    near.push(fc.constantFrom(...edges.flatMap((n) => [n - 1, n + 1, n + 0.5]), -1, 0, 0.01, 1.5), nastyNumber)
    near.push(fc.constantFrom("100", "1.5", "NaN", "Infinity"))
  } else if (t === "string") {
    if (s?.maxLength !== undefined && s.maxLength < 100_000) near.push(fc.constant("x".repeat(s.maxLength + 1)), fc.constant("🍺".repeat(s.maxLength)))
    if (s?.enum?.length) near.push(fc.constantFrom(...s.enum.map((v) => String(v).toUpperCase()), ...s.enum.map((v) => ` ${String(v)}`), s.enum.join(",")))
    near.push(nastyString, fc.constantFrom(0, -1, 1.5, 2 ** 53))
  } else if (t === "array") {
    near.push(fc.array(valueFor(s?.items), { minLength: 1, maxLength: 4 }))
    near.push(fc.constant(Array.from({ length: (s?.maxItems ?? 200) + 1 }, () => "x")))
    near.push(fc.constantFrom("wallet", 1, { kind: "wallet" }))
  } else if (t === "boolean") {
    near.push(fc.constantFrom("true", "false", 1, 0, "yes", "", null))
  } else if (t === "object") {
    near.push(fc.constantFrom("x", 1, [], [{}]))
  }
  if (!near.length) return anything
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...near) }, { weight: 2, arbitrary: anything })
}

/** Query and path values are text: the same troubles, spelled for a URL. */
function textFor(schema?: Schema): fc.Arbitrary<string> {
  const t = typeOf(schema)
  const s = unwrap(schema)
  const near: Array<fc.Arbitrary<string>> = [fc.constantFrom(...STRINGS.filter((x) => x.length < 2_001)), fc.string({ unit: "binary", maxLength: 30 })]
  if (t === "number" || t === "integer") near.push(fc.constantFrom(...NUMBER_TEXTS), fc.integer().map(String), fc.double({ noNaN: true }).map(String))
  if (s?.enum?.length) near.push(fc.constantFrom(...s.enum.map((v) => String(v).toUpperCase()), s.enum.join(",")))
  if (s?.maxLength !== undefined && s.maxLength < 6_000) near.push(fc.constant("x".repeat(s.maxLength + 1)))
  // Not above ~2 kB (three may go in one URL): beyond Node's 16 kB header limit the HTTP parser, not the route, answers 431.
  near.push(fc.constant("y".repeat(2_000)))
  return fc.oneof(...near)
}

/** Bytes that are not valid percent-encoded UTF-8, sent as they are. */
// Not ".", ".." or "a?b": they make another path (resolved, or cut at the "?"), no longer this route.
const RAW_URL = ["%", "%zz", "%FF", "%ED%A0%80", "%C0%AF", "%2F", "a%2Fb", "%00", "a;b"]

/** Every field of the body schema, nested ones too (an array's items at index 0). */
function fields(schema: Schema | undefined, at: Path = []): Array<{ at: Path; schema: Schema; required: boolean }> {
  const s = unwrap(schema)
  if (!s) return []
  if (typeOf(s) === "array" && s.items) return fields(s.items, [...at, 0])
  if (!s.properties) return []
  return Object.entries(s.properties).flatMap(([name, sub]) => [
    { at: [...at, name], schema: sub, required: (s.required ?? []).includes(name) },
    ...fields(sub, [...at, name]),
  ])
}

function objects(schema: Schema | undefined, at: Path = []): Path[] {
  const s = unwrap(schema)
  if (!s) return []
  if (typeOf(s) === "array" && s.items) return objects(s.items, [...at, 0])
  if (!s.properties) return []
  return [at, ...Object.entries(s.properties).flatMap(([name, sub]) => objects(sub, [...at, name]))]
}

const AUTH_VALUES = [
  "", "Bearer", "Bearer ", "Bearer null", "Bearer undefined", "Bearer a b", "Bearer eyJhbGciOiJub25lIn0.e30.", "Basic YTpi", "bearer cdt_",
  `Bearer cdt_${"A".repeat(64)}`, `Bearer ${"x".repeat(5_000)}`, "Bearer ' OR 1=1 --", "Bearer %00",
]

/** The arbitrary of corruptions (one to three at once) of a route's valid request. */
export function corruptionsFor(op: Operation | undefined, method: string, matcher: string, base: BaseRequest): fc.Arbitrary<Corruption[]> {
  const options: Array<fc.Arbitrary<Corruption>> = []
  const schema = op?.requestBody?.content?.["application/json"]?.schema
  const hasBody = method !== "GET" && method !== "DELETE"
  if (hasBody) {
    const all = fields(schema)
    if (all.length) {
      options.push(fc.constantFrom(...all).chain((f) => valueFor(f.schema).map((value): Corruption => ({ kind: "field", at: f.at, value }))))
      options.push(fc.constantFrom(...all).map((f): Corruption => ({ kind: "drop", at: f.at })))
    }
    options.push(
      fc.record({ at: fc.constantFrom(...objects(schema).concat([[]])), name: fc.constantFrom("extra", "__proto__", "constructor", "id", "amount_cents", "🍺", "wallet_id"), value: anything }).map((x): Corruption => ({ kind: "extra", ...x })),
      fc.oneof(wrongShape, nastyString, nastyNumber).map((value): Corruption => ({ kind: "body", value })),
      fc.record({
        text: fc.constantFrom("{", '{"a":', "[1,2", "nul", '{"amount": 1}}', "", "\u0000", '{"amount": 1e999}', "[".repeat(20_000) + "]".repeat(20_000), "\uFEFF{}", '{"a":"\\ud800"}'),
        contentType: fc.constantFrom("application/json", "application/json; charset=utf-16"),
      }).map((x): Corruption => ({ kind: "raw-body", ...x })),
      fc.record({
        text: fc.constantFrom("amount=1&idempotency_key=x", "a=1&a=2&b[c]=3", "plain words", "<xml/>", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--"),
        contentType: fc.constantFrom("application/x-www-form-urlencoded", "text/plain", "application/xml", "multipart/form-data; boundary=x"),
      }).map((x): Corruption => ({ kind: "raw-body", ...x }))
    )
  }
  const params = [...matcher.matchAll(/:(\w+)/g)].map((m) => m[1])
  if (params.length) {
    const doc = (name: string) => op?.parameters?.find((p) => p.in === "path" && p.name === name)?.schema
    options.push(
      fc.constantFrom(...params).chain((name) =>
        fc.oneof(
          // Not empty: `/qr/` is another path, which no plugin route serves.
          textFor(doc(name)).filter((value) => value !== "").map((value): Corruption => ({ kind: "param", name, value, raw: false })),
          fc.constantFrom("does-not-exist", "wal_01JZZZZZZZZZZZZZZZZZZZZZZZ", "0", "-1", base.params?.[name]?.toUpperCase() ?? "X").map((value): Corruption => ({ kind: "param", name, value, raw: false })),
          fc.constantFrom(...RAW_URL).map((value): Corruption => ({ kind: "param", name, value, raw: true }))
        )
      )
    )
  }
  const documented = (op?.parameters ?? []).filter((p) => p.in === "query")
  const queryNames = documented.map((p) => p.name)
  options.push(
    fc.record({
      name: fc.constantFrom(...queryNames, "unknown", "__proto__", "limit[]", "constructor[prototype][x]", "q[$ne]"),
      values: fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }),
    }).chain(({ name, values }) => {
      const doc = documented.find((p) => p.name === name)?.schema
      return fc.oneof(
        fc.tuple(...values.map(() => textFor(doc))).map((vs): Corruption => ({ kind: "query", name, values: vs, raw: false })),
        fc.constantFrom(...RAW_URL).map((v): Corruption => ({ kind: "query", name, values: [v], raw: true }))
      )
    })
  )
  if (base.actor !== "none") {
    const header = base.actor === "publishable" ? "x-publishable-api-key" : "authorization"
    const values = header === "authorization" ? AUTH_VALUES : ["", "pk_", "pk_0000", "' OR 1=1 --", "x".repeat(5_000)]
    // Less often than the rest: a refused credential stops a request before its input is read.
    return fc.array(
      fc.oneof(...options.map((arbitrary) => ({ weight: 4, arbitrary })), { weight: 1, arbitrary: fc.constantFrom(...values).map((value): Corruption => ({ kind: "auth", header, value })) }),
      { minLength: 1, maxLength: 3 }
    )
  }
  return fc.array(fc.oneof(...options), { minLength: 1, maxLength: 3 })
}

/** Percent-encodes UTF-8 (a lone surrogate becomes U+FFFD, as any client would send it). */
export function encodeText(text: string): string {
  return [...Buffer.from(text, "utf8")].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("")
}

function setIn(target: any, at: Path, value: unknown, remove = false): void {
  let node = target
  for (const [i, key] of at.slice(0, -1).entries()) {
    if (node[key] === null || typeof node[key] !== "object") node[key] = typeof at[i + 1] === "number" ? [] : {}
    node = node[key]
  }
  const last = at[at.length - 1]
  if (remove) delete node[last]
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true })
}

export type HttpRequest = { method: string; url: string; headers: Record<string, string>; body?: string }

/** The request: the route's valid one with the corruptions applied in order. */
export function buildRequest(method: string, matcher: string, base: BaseRequest, headers: Record<string, string>, corruptions: Corruption[]): HttpRequest {
  let body: unknown = base.body === undefined ? undefined : JSON.parse(JSON.stringify(base.body))
  let raw: { text: string; contentType: string } | undefined
  const params: Record<string, string> = Object.fromEntries(Object.entries(base.params ?? {}).map(([k, v]) => [k, encodeText(v)]))
  const query: Array<[string, string]> = Object.entries(base.query ?? {}).map(([k, v]) => [encodeText(k), encodeText(v)])
  const sent = { ...headers }
  for (const c of corruptions) {
    if (c.kind === "field" || c.kind === "drop" || c.kind === "extra") {
      if (body === null || typeof body !== "object") body = {}
      if (c.kind === "field") setIn(body, c.at, c.value)
      else if (c.kind === "drop") setIn(body, c.at, undefined, true)
      else setIn(body, [...c.at, c.name], c.value)
    } else if (c.kind === "body") body = c.value
    else if (c.kind === "raw-body") raw = c
    else if (c.kind === "param") params[c.name] = c.raw ? c.value : encodeText(c.value)
    else if (c.kind === "query") {
      const name = c.raw ? c.name : encodeText(c.name)
      for (let i = query.length - 1; i >= 0; i--) if (query[i][0] === name) query.splice(i, 1)
      for (const v of c.values) query.push([name, c.raw ? v : encodeText(v)])
    } else if (c.kind === "auth") sent[c.header] = c.value
  }
  const path = matcher.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "")
  const search = query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join("&")}` : ""
  const hasBody = method !== "GET" && method !== "DELETE"
  if (raw && hasBody) return { method, url: path + search, headers: { ...sent, "content-type": raw.contentType }, body: raw.text }
  if (!hasBody || body === undefined) return { method, url: path + search, headers: sent }
  return { method, url: path + search, headers: { ...sent, "content-type": "application/json" }, body: JSON.stringify(body) ?? "null" }
}

/** Why a refusal's answer is not something a person can act on, or null when it is. */
export function unreadable(data: unknown, contentType = ""): string | null {
  // A page a person opens in a browser (the e-ticket) refuses with a page that says why in its heading.
  if (contentType.startsWith("text/html")) {
    const heading = typeof data === "string" ? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(data)?.[1]?.replace(/<[^>]+>/g, "").trim() : ""
    return heading ? null : `the HTML answer has no <h1> saying why: ${String(data).slice(0, 200)}`
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return `the answer is not a JSON object: ${JSON.stringify(data)?.slice(0, 200)}`
  const message = (data as { message?: unknown }).message
  if (typeof message !== "string" || !message.trim()) return "the answer has no message"
  if (/\[object Object\]/.test(message)) return `the message shows an object as [object Object]: ${message.slice(0, 200)}`
  if (/\n\s+at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)|node_modules\//.test(message)) return `the message is a stack trace: ${message.slice(0, 300)}`
  if (/an unknown error occurred|internal server error|unexpected error/i.test(message)) return `the message is an internal error: ${message.slice(0, 200)}`
  return null
}
