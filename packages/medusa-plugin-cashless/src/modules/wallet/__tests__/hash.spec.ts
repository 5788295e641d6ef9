import { entryHash, postingHash, requestHash } from "../lib/hash"

const posting = {
  id: "cpost_1",
  entry_id: "cje_1",
  account_id: "cacc_1",
  asset_id: "casset_eur",
  amount: -250,
  sequence: 3,
  prev_hash: "a".repeat(64),
  balance_after: 750,
}

describe("canonical hashes (version 1)", () => {
  it("are stable: the stored chains depend on these exact values", () => {
    expect(postingHash(posting)).toBe(postingHash({ ...posting }))
    expect(postingHash(posting)).toMatch(/^[0-9a-f]{64}$/)
  })

  it("change with every field of a posting", () => {
    const base = postingHash(posting)
    for (const [field, value] of Object.entries({
      id: "cpost_2",
      entry_id: "cje_2",
      account_id: "cacc_2",
      asset_id: "casset_eur_gift",
      amount: -251,
      sequence: 4,
      prev_hash: "b".repeat(64),
      balance_after: 749,
    })) {
      expect(postingHash({ ...posting, [field]: value })).not.toBe(base)
    }
  })

  it("cover an entry's postings in any order", () => {
    const entry = {
      id: "cje_1",
      kind: "spend",
      idempotency_key: "k",
      request_hash: "r",
      external_ref: null,
      actor: "user:1",
      reason: null,
      reverses_id: null,
      created_at: new Date("2026-11-24T10:00:00.123Z"),
    }
    expect(entryHash(entry, ["x", "y"])).toBe(entryHash(entry, ["y", "x"]))
    expect(entryHash(entry, ["x", "y"])).not.toBe(entryHash(entry, ["x"]))
    expect(entryHash(entry, ["x"])).not.toBe(entryHash({ ...entry, actor: "user:2" }, ["x"]))
    expect(() => entryHash(entry, ["x"], 2)).toThrow("unknown entry hash version 2")
  })

  it("identify a request by its content, not by the order of its fields", () => {
    expect(requestHash({ a: 1, b: "x" })).toBe(requestHash({ b: "x", a: 1 }))
    expect(requestHash({ a: 1, b: "x" })).not.toBe(requestHash({ a: 2, b: "x" }))
    expect(requestHash({ a: 1, c: undefined })).toBe(requestHash({ a: 1 }))
  })
})
