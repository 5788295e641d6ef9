import { keyForScan } from "../scan-key"

describe("keyForScan", () => {
  let n = 0
  const fresh = () => `key-${++n}`

  it("gives every scan a fresh key", () => {
    const a = keyForScan(null, '{"secret":"tk_a"}', fresh)
    const b = keyForScan(null, '{"secret":"tk_a"}', fresh)
    expect(a.key).not.toBe(b.key)
  })

  it("reuses the key of the scan whose answer was lost when the same scan is sent again", () => {
    const lost = keyForScan(null, '{"secret":"tk_a"}', fresh)
    expect(keyForScan(lost, '{"secret":"tk_a"}', fresh)).toBe(lost)
  })

  it("gives another scan its own key even after a lost answer", () => {
    const lost = keyForScan(null, '{"secret":"tk_a"}', fresh)
    const other = keyForScan(lost, '{"secret":"tk_b"}', fresh)
    expect(other.key).not.toBe(lost.key)
    expect(other.payload).toBe('{"secret":"tk_b"}')
  })
})
