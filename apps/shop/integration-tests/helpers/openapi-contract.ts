import Ajv2020 from "ajv/dist/2020"
import addFormats from "ajv-formats"
import { appendFileSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"

/* eslint-disable @typescript-eslint/no-explicit-any */
type Response = { status: number; data: any; headers?: Record<string, unknown> }
type Api = {
  get: (url: string, config?: unknown) => Promise<Response>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Response>
  delete: (url: string, config?: unknown) => Promise<Response>
}
type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>> }

export const OPENAPI_FILE = resolve(__dirname, "../../../../docs/openapi/cashless.openapi.json")
export const readOpenApi = (): OpenApi => JSON.parse(readFileSync(OPENAPI_FILE, "utf8"))

/** Every `METHOD /matcher` the description documents, in Medusa's `:param` spelling. */
export function documentedOperations(doc: OpenApi): string[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`)
  )
}

/** Every `METHOD /matcher` the built plugin serves, found by Medusa's own route loader. */
export async function servedOperations(): Promise<string[]> {
  const framework = dirname(require.resolve("@medusajs/framework"))
  const { RoutesLoader } = require(join(framework, "http", "routes-loader.js")) // eslint-disable-line @typescript-eslint/no-require-imports
  const loader = new RoutesLoader()
  await loader.scanDir(join(dirname(require.resolve("medusa-plugin-cashless/package.json")), ".medusa", "server", "src", "api"))
  return (loader.getRoutes() as Array<{ matcher: string; method: string }>).map((r) => `${r.method.toUpperCase()} ${r.matcher}`)
}

/**
 * Errors of the document against the official OpenAPI 3.1 schema (the copy that
 * @seriousme/openapi-schema-validator ships), so that any OpenAPI tool can read it.
 */
export function openApiSchemaErrors(doc: OpenApi): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addFormat("media-range", true) // a format the 3.1 schema uses and ajv-formats lacks
  const schema = JSON.parse(readFileSync(require.resolve("@seriousme/openapi-schema-validator/schemas/v3.1/schema.json"), "utf8"))
  const validate = ajv.compile(schema)
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

/**
 * Validates real answers against the description with ajv (JSON Schema 2020-12, OpenAPI 3.1's
 * dialect). `wrap` gives an api whose every call to a documented route is checked.
 */
export function contractChecker(doc: OpenApi) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(doc as object, "cashless")
  const routes = Object.entries(doc.paths).map(([path, methods]) => ({
    path,
    params: (path.match(/\{/g) ?? []).length,
    regex: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`),
    methods,
  }))
  const failures: string[] = []
  /** `METHOD /path {status}` of every answer validated. */
  const validated = new Set<string>()

  function check(method: string, url: string, res: Response) {
    const pathname = url.split("?")[0]
    const m = method.toLowerCase()
    // The most literal match: /staff/me before /staff/{user_id}.
    const route = routes.filter((r) => r.regex.test(pathname) && r.methods[m]).sort((a, b) => a.params - b.params)[0]
    if (!route) return
    const op = `${method} ${route.path}`
    const responses = route.methods[m].responses
    const documented = responses[String(res.status)] ?? responses[`${String(res.status)[0]}XX`]
    if (!documented) {
      failures.push(`${op}: status ${res.status} is not documented (${JSON.stringify(res.data).slice(0, 300)})`)
      return
    }
    // The media type answered must be one documented for that status (JSON, CSV, HTML, SSE).
    // An answer built by hand (the self-check) has no headers: JSON.
    const media = String(res.headers?.["content-type"] ?? "application/json").split(";")[0].trim()
    if (media && documented.content && Object.keys(documented.content).length && !documented.content[media]) {
      failures.push(`${op} ${res.status}: answered ${media}, documented ${Object.keys(documented.content).join(", ")}`)
      return
    }
    // OPENAPI_DUMP=<file> keeps every answer, to write a schema from real ones.
    if (process.env.OPENAPI_DUMP) appendFileSync(process.env.OPENAPI_DUMP, `${op} ${res.status} ${JSON.stringify(res.data)}\n`)
    const ref = documented.content?.["application/json"]?.schema?.$ref
    if (!ref || media !== "application/json") {
      if (media && media !== "application/json") validated.add(`${op} ${res.status} ${media}`)
      return
    }
    const validate = ajv.getSchema(`cashless${ref}`)
    if (!validate) throw new Error(`${ref} is not in the description`)
    if (validate(res.data)) validated.add(`${op} ${res.status}`)
    else failures.push(`${op} ${res.status}: ${ajv.errorsText(validate.errors, { separator: "; " })}\n  body: ${JSON.stringify(res.data).slice(0, 500)}`)
  }

  function wrap(api: Api): Api {
    return {
      get: async (url, config) => { const res = await api.get(url, config); check("GET", url, res); return res },
      post: async (url, body, config) => { const res = await api.post(url, body, config); check("POST", url, res); return res },
      delete: async (url, config) => { const res = await api.delete(url, config); check("DELETE", url, res); return res },
    }
  }

  return { wrap, check, failures, validated }
}
