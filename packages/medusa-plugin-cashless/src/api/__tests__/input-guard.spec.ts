import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { inputGuard, undecodablePathErrors } from "../input-guard"
import { reword } from "../validate-body"

// The three refusals the route fuzzer (apps/shop/integration-tests/http/route-fuzz.spec.ts)
// found answered as 500s or unreadable, on their own.

function guard(url: string, query: unknown = {}, body: unknown = {}) {
  let passed: unknown = "not called"
  inputGuard({ originalUrl: url, url, query, body } as unknown as MedusaRequest, {} as MedusaResponse, ((err?: unknown) => (passed = err)) as MedusaNextFunction)
  return passed as { type?: string; message?: string } | undefined
}

describe("inputGuard", () => {
  it("lets ordinary input through", () => {
    expect(guard("/admin/cashless/cards/ccard_1?limit=5", { limit: "5" }, { reason: "é 🍺 \uD800" })).toBeUndefined()
  })

  it("refuses a NUL character in the path, the query or the body (keys too) with a 400 that says where", () => {
    expect(guard("/admin/cashless/wallets/%00/top-ups")).toMatchObject({ type: "invalid_data", message: expect.stringMatching(/path holds a NUL/) })
    expect(guard("/admin/cashless/cards", { q: "a\u0000b" })).toMatchObject({ type: "invalid_data", message: expect.stringMatching(/query parameter q holds a NUL/) })
    expect(guard("/admin/cashless/tills/p/sales", {}, { lines: [{ variant_id: "\u0000" }] })).toMatchObject({ message: expect.stringMatching(/^lines\.0\.variant_id holds a NUL/) })
    expect(guard("/cashless/devices/pair", {}, { ["a\u0000"]: 1 })?.message?.startsWith("a\u0000 holds")).toBe(true)
  })
})

describe("undecodablePathErrors", () => {
  const answer = (err: unknown) => {
    const res = { statusCode: 0, body: undefined as unknown, status(code: number) { this.statusCode = code; return this }, json(body: unknown) { this.body = body; return this } }
    const req = { scope: { resolve: () => ({ info() {}, error() {} }) }, path: "/x" } as unknown as MedusaRequest
    undecodablePathErrors(err, req, res as unknown as MedusaResponse, (() => undefined) as MedusaNextFunction)
    return res
  }

  it("answers Express's failure to decode a path parameter as a 400 with a readable message", () => {
    const err = Object.assign(new URIError("Failed to decode param '%FF'"), { status: 400, statusCode: 400 })
    expect(answer(err)).toMatchObject({ statusCode: 400, body: { type: "invalid_data", message: expect.stringMatching(/not percent-encoded UTF-8/) } })
  })

  it("leaves every other error to Medusa's handler", () => {
    expect(answer(new Error("boom"))).toMatchObject({ statusCode: 500, body: { message: "An unknown error occurred." } })
  })
})

describe("reword (body-validation messages)", () => {
  it("shows objects, lists and long text briefly, never as [object Object]", () => {
    const body = { customer_id: { $gt: 0 }, lines: [{ quantity: [1] }], name: "x".repeat(100_000) }
    const message = "Invalid request: Expected type: 'string' for field 'customer_id', got: '[object Object]'; Expected type: 'number' for field 'lines, 0, quantity', got: '1'; Expected type: 'string' for field 'name', got: '" + "x".repeat(100_000) + "'"
    const worded = reword(message, body)
    expect(worded).not.toContain("[object Object]")
    expect(worded).toContain("for field 'customer_id', got: an object;")
    expect(worded).toContain("for field 'lines, 0, quantity', got: a list;")
    expect(worded).toContain(`for field 'name', got: '${"x".repeat(60)}…'`)
    expect(worded.length).toBeLessThan(400)
  })

  it("rewords enum refusals too", () => {
    expect(reword("Invalid request: Expected: 'ok, down' for field 'pcsc', but got: '[object Object]'", { pcsc: { $gt: 0 } })).toBe("Invalid request: Expected: 'ok, down' for field 'pcsc', but got: an object")
  })

  it("keeps Medusa's wording for a short scalar", () => {
    const message = "Invalid request: Expected type: 'number' for field 'amount', got: 'abc'"
    expect(reword(message, { amount: "abc" })).toBe(message)
  })
})
