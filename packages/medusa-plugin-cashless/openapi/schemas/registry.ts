import { z } from "@medusajs/framework/zod"

/**
 * Every named response schema of the description. Each is written once, registered here, and
 * becomes `#/components/schemas/<id>`; a schema used inside another becomes a `$ref` to it.
 */
export const components = z.registry<{ id: string }>()

export function component<T extends z.ZodType>(id: string, schema: T): T {
  components.add(schema, { id })
  return schema
}

/** Dates leave the server as ISO-8601 strings (JSON has no date type). */
export const isoDate = z.string()
export const nullableDate = isoDate.nullable()
/** Integer minor units (cents). */
export const minor = z.number().int()
