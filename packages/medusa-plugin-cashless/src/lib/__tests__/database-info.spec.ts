import { parseDatabaseUrl } from "../database-info"

describe("parseDatabaseUrl", () => {
  it("reads host and port, defaulting the port to 5432", () => {
    expect(parseDatabaseUrl("postgres://u:p@db.internal:6543/shop")).toEqual({ host: "db.internal", port: 6543 })
    expect(parseDatabaseUrl("postgres://localhost/shop")).toEqual({ host: "localhost", port: 5432 })
  })

  it("returns no host for a missing or malformed URL instead of throwing", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ host: "", port: null })
    expect(parseDatabaseUrl("not a url")).toEqual({ host: "", port: null })
  })
})
