import { z } from "@medusajs/framework/zod"

export type JsonSchema = { [key: string]: unknown }

/** The draft marker and ids belong to the document, not to each schema inside it. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _draft, $id: _id, ...rest } = schema
  return rest
}

/**
 * A request validator as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as the client sends it
 * ("input": defaults make a field optional). zod writes `additionalProperties: false` for a
 * `.strict()` object and nothing for a stripping one, which is what the server does with extra
 * fields. Refinements cannot be expressed and are left out (their messages are the 400's).
 */
export function requestSchema(schema: z.ZodType): JsonSchema {
  return bare(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema)
}

/** Every registered response schema, each a `#/components/schemas/<id>`, referring to each other. */
export function componentSchemas(registry: z.core.$ZodRegistry<{ id: string }>): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as {
    schemas: Record<string, JsonSchema>
  }
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)).map(([id, s]) => [id, bare(s)]))
}
