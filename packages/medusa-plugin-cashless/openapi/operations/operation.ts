import type { z } from "@medusajs/framework/zod"

/** Who may call a route, as OpenAPI security requirements (document.ts names the schemes). */
export type Audience = "admin" | "store-customer" | "store-public" | "store-optional-customer" | "device" | "pairing" | "public"

export type Method = "GET" | "POST" | "DELETE"

/** A response: a registered JSON body, or another media type (CSV, HTML, an event stream). */
export type Reply = { description: string; body?: z.ZodType; media?: Record<string, string> }

/**
 * One route and method of the plugin. The request body is not listed here: it comes from
 * src/api/body-validators.ts, the table the middlewares validate with.
 */
export type Operation = {
  method: Method
  /** Medusa's matcher, `:param` for a path parameter. */
  path: string
  summary: string
  tag: string
  audience: Audience
  query?: z.ZodObject
  /** Success statuses (and any documented refusal beyond the 4XX error shape). */
  responses: Record<string, Reply>
}

export const json = (description: string, body: z.ZodType): Reply => ({ description, body })
