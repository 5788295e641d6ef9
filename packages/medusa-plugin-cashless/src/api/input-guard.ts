import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const bad = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message, "invalid")

/** The first text of `value` (keys too) holding a NUL character, as a field path. */
function nulAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "the body" : null
  if (value === null || typeof value !== "object" || depth > 64) return null
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    if (key.includes("\u0000")) return at
    const found = nulAt(item, at, depth + 1)
    if (found) return found
  }
  return null
}

/**
 * Refuses input no route can use before it reaches one: NUL characters in the path, the query or
 * the body (PostgreSQL cannot store them in text: the insert or the lookup would fail with a 500,
 * after the route had perhaps begun its work).
 */
export function inputGuard(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return next(bad("The URL is not valid: a part of its path is not percent-encoded UTF-8."))
  }
  if (decoded.includes("\u0000")) return next(bad("The URL is not valid: its path holds a NUL character (%00)."))
  const inQuery = nulAt(req.query, "")
  if (inQuery) return next(bad(`The query parameter ${inQuery} holds a NUL character (\\u0000), which no field accepts.`))
  const inBody = nulAt(req.body, "")
  if (inBody) return next(bad(`${inBody} holds a NUL character (\\u0000), which no field accepts.`))
  next()
}

const medusaErrors = errorHandler()

/**
 * Medusa's error handler, but for a path Express cannot decode (`/cards/%FF`): Express throws a
 * URIError marked 400 while matching a route's `:param` (or `*`), before any middleware of ours
 * runs, and Medusa's handler answers any error it does not know as a 500. It is the caller's
 * malformed URL: a 400 that says so. Only one error handler serves the whole app; every other
 * error goes to Medusa's unchanged.
 */
export function undecodablePathErrors(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (err instanceof URIError && (err as { status?: number }).status === 400) {
    return medusaErrors(bad("The URL is not valid: a part of its path is not percent-encoded UTF-8."), req, res, next)
  }
  return medusaErrors(err, req, res, next)
}
