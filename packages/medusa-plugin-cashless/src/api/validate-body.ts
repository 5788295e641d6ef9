import { type MedusaNextFunction, type MedusaRequest, type MedusaResponse, validateAndTransformBody } from "@medusajs/framework/http"

type Schema = Parameters<typeof validateAndTransformBody>[0]

/** A value as a message shows it: short, and never `[object Object]`. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list"
  if (value !== null && typeof value === "object") return "an object"
  const text = String(value)
  return `'${text.length > 60 ? `${text.slice(0, 60)}…` : text}'`
}

const valueAt = (body: unknown, path: string[]) =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), body)

/**
 * Medusa's type errors print the value received as `${value}`: `[object Object]` for an object,
 * the whole of a 100 kB string. Each is replaced by a short description, found by its exact text
 * (a value may hold quotes or semicolons); the rest of Medusa's wording is kept.
 */
export function reword(message: string, body: unknown): string {
  const marker = /for field '([^']*)', (?:but )?got: /g
  let out = ""
  let last = 0
  for (let m = marker.exec(message); m; m = marker.exec(message)) {
    const start = m.index + m[0].length
    const value = valueAt(body, m[1].split(", "))
    const shown = `'${String(value)}'`
    out += message.slice(last, start)
    last = start
    if (message.startsWith(shown, start)) {
      out += describe(value)
      last = start + shown.length
      marker.lastIndex = last
    }
  }
  return out + message.slice(last)
}

/** Medusa's body validation (`validateAndTransformBody`), its refusals worded for people. */
export function validateBody(schema: Schema) {
  const validate = validateAndTransformBody(schema)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    validate(req, res, (err?: unknown) => {
      const error = err as { message?: unknown } | undefined
      if (error && typeof error.message === "string") error.message = reword(error.message, req.body)
      next(err)
    })
}
