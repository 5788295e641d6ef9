import { readFileSync } from "node:fs"
import { CreditSchema } from "../../src/api/admin/cashless/validators"
import { OPENAPI_FILE, renderDocument } from "../generate"
import { requestSchema } from "../json-schema"

describe("the committed OpenAPI description", () => {
  it("is what the generator writes from today's validators (npm run openapi -- --check)", () => {
    expect(readFileSync(OPENAPI_FILE, "utf8")).toBe(renderDocument())
  })

  it("documents a strict validator's body as closed, with its required fields", () => {
    const doc = JSON.parse(renderDocument())
    const body = doc.paths["/admin/cashless/wallets/{id}/credit"].post.requestBody.content["application/json"].schema
    expect(body).toEqual(requestSchema(CreditSchema))
    expect(body).toMatchObject({ additionalProperties: false, required: ["amount", "source", "idempotency_key"] })
    // The reader agent's bodies drop unknown fields instead (a newer agent must still tap): open.
    const tap = doc.paths["/cashless/tills/{pos_id}/taps"].post.requestBody.content["application/json"].schema
    expect(tap.additionalProperties).toBeUndefined()
  })
})
