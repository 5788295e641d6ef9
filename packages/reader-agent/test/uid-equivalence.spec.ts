// The agent's UID normalization must be the server's, to the error message: a UID the agent
// sends is the one the server stores, and a UID the agent refuses the server would refuse.
import { normalizeCardUid as serverNormalize } from "../../medusa-plugin-cashless/src/lib/card-uid"
import { normalizeCardUid as agentNormalize } from "../src/uid"

/** A small seeded PRNG (mulberry32): the same corpus on every run, so a failure reproduces. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function corpus(size: number): string[] {
  const rand = prng(9)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]
  const hex = (n: number, upper = rand() < 0.5) => {
    let s = ""
    for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(rand() * 16)]
    return upper ? s.toUpperCase() : s
  }
  const separators = [":", "-", " ", "  ", "\t", ": ", " - ", "::", "\n"]
  const junk = ["g", "G", "x", "0x", "é", "٣", "０", "🙂", "\u00a0", "\u200b", "#", ".", ",", "_", "ß", "Ａ", "\u0000"]
  const cases: string[] = [
    "", " ", "\t\n", "04A1B2C3D4E5F6", "04:a1:b2:c3:d4:e5:f6", "04-A1-B2-C3", "04 a1 b2 c3 d4 e5 f6 07 08 09",
    "0", "04A", "04A1B2C3D4E5F6A", ":04A1B2C3", "04A1B2C3:", "04::A1B2C3", "0x04A1B2C3", "04A1 B2C3", "04A1B 2C3",
    "04a1b2c3\u00a0", "\u00a004a1b2c3", "04\u200ba1b2c3", "０４Ａ１Ｂ２Ｃ３", "04A1B2C3".repeat(5), "x".repeat(100),
  ]
  for (let i = 0; i < size; i++) {
    const kind = rand()
    const bytes = kind < 0.5 ? pick([4, 7, 10]) : Math.floor(rand() * 13)
    const digits = hex(bytes * 2 + (rand() < 0.15 ? pick([-1, 1]) : 0))
    let text = digits
    if (rand() < 0.5 && digits.length > 2) {
      // group by one or two bytes, sometimes splitting a byte on purpose
      const step = pick([2, 4, rand() < 0.2 ? 3 : 2])
      const parts = digits.match(new RegExp(`.{1,${step}}`, "g")) ?? [digits]
      text = parts.reduce((acc, part) => (acc ? acc + pick(separators) : "") + part, "")
    }
    if (rand() < 0.2) {
      const at = Math.floor(rand() * (text.length + 1))
      text = text.slice(0, at) + pick(junk) + text.slice(at)
    }
    if (rand() < 0.15) text = pick([" ", "\t", "\n", "\r\n", "\u3000"]) + text + pick(["", " ", "\n"])
    cases.push(text)
  }
  return cases
}

type Outcome = { ok: string } | { error: string; name: string }
const outcome = (fn: (s: string) => string, input: string): Outcome => {
  try {
    return { ok: fn(input) }
  } catch (err) {
    return { error: (err as Error).message, name: (err as Error).constructor.name }
  }
}

describe("UID normalization: the agent's copy and the server's", () => {
  const inputs = corpus(20_000)

  it("the corpus covers valid UIDs and every kind of refusal", () => {
    const results = inputs.map((i) => outcome(serverNormalize, i))
    const valid = results.filter((r) => "ok" in r).length
    const errors = results.filter((r): r is { error: string; name: string } => "error" in r)
    expect(valid).toBeGreaterThan(3000)
    for (const kind of ["empty", "separators split a byte", "only 0-9 and A-F", "bytes"]) {
      expect(errors.some((e) => e.error.includes(kind))).toBe(true)
    }
  })

  it("gives the same result or the same error for every input", () => {
    const mismatches = inputs
      .map((input) => ({ input, server: outcome(serverNormalize, input), agent: outcome(agentNormalize, input) }))
      .filter(({ server, agent }) => JSON.stringify(server) !== JSON.stringify(agent))
    expect(mismatches.slice(0, 5)).toEqual([])
  })

  it("accepts what readers give (lowercase hex) as the uppercase form", () => {
    expect(agentNormalize("04a1b2c3d4e5f6")).toBe("04A1B2C3D4E5F6")
    expect(() => agentNormalize("04a1b2")).toThrow("3 bytes")
  })
})
