import { MedusaError } from "@medusajs/framework/utils"

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }

/**
 * A route's query string, checked by its schema. A bad query is the caller's 400 with what is
 * wrong; a zod error left to Medusa's handler would be a 500.
 */
export function parseQuery<T>(schema: Schema<T>, query: unknown): T {
  const parsed = schema.safeParse(query)
  if (parsed.success) return parsed.data
  const message = parsed.error.issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ")
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid query: ${message}`, "invalid")
}
