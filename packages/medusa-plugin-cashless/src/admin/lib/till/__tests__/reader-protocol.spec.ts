import { normalizeCardUid } from "../../../../lib/card-uid"
import { manualUidOrNull, parseReaderMessage, readerUrlOrNull } from "../reader-protocol"

describe("parseReaderMessage", () => {
  it("reads a tap and normalizes its UID as the server does", () => {
    const frame = JSON.stringify({ type: "tap", uid: "04:a1:b2:c3:d4:e5:f6", reader: "ACS ACR122U", at: "2025-07-01T20:00:00.000Z" })
    expect(parseReaderMessage(frame)).toEqual({ type: "tap", uid: "04A1B2C3D4E5F6", reader: "ACS ACR122U", at: "2025-07-01T20:00:00.000Z" })
    for (const uid of ["04 a1 b2 c3", "04-A1-B2-C3", "04a1b2c3", "04A1 B2C3"]) {
      const tap = parseReaderMessage(JSON.stringify({ type: "tap", uid, reader: "r", at: "x" }))
      expect(tap).toMatchObject({ type: "tap", uid: normalizeCardUid(uid) })
      expect(tap).toMatchObject({ uid: "04A1B2C3" })
    }
  })

  it("fills a tap's missing reader and time rather than dropping the tap", () => {
    const tap = parseReaderMessage(JSON.stringify({ type: "tap", uid: "04A1B2C3" }))
    expect(tap).toMatchObject({ type: "tap", uid: "04A1B2C3", reader: "" })
    expect(Number.isNaN(Date.parse((tap as { at: string }).at))).toBe(false)
  })

  it("reads a status, keeping only the reader names", () => {
    expect(parseReaderMessage('{"type":"status","readers":["ACR122U",3,null],"pcsc":"ok"}')).toEqual({ type: "status", readers: ["ACR122U"], pcsc: "ok" })
    expect(parseReaderMessage('{"type":"status","readers":[],"pcsc":"down"}')).toEqual({ type: "status", readers: [], pcsc: "down" })
    expect(parseReaderMessage('{"type":"status","pcsc":"ok"}')).toEqual({ type: "status", readers: [], pcsc: "ok" })
  })

  it("refuses what is not the protocol, saying why", () => {
    expect(parseReaderMessage("not json")).toEqual({ type: "invalid", reason: "not JSON" })
    expect(parseReaderMessage("[1,2]")).toEqual({ type: "invalid", reason: "not a JSON object" })
    expect(parseReaderMessage('{"type":"tap"}')).toEqual({ type: "invalid", reason: "a tap without a uid" })
    expect(parseReaderMessage('{"type":"tap","uid":"04A1B2"}')).toMatchObject({ type: "invalid", reason: expect.stringContaining("3 bytes") })
    expect(parseReaderMessage('{"type":"tap","uid":"zz:zz:zz:zz"}')).toMatchObject({ type: "invalid" })
    expect(parseReaderMessage('{"type":"status","readers":[],"pcsc":"maybe"}')).toMatchObject({ type: "invalid" })
    expect(parseReaderMessage('{"type":"hello"}')).toEqual({ type: "invalid", reason: 'unknown message type "hello"' })
  })
})

describe("readerUrlOrNull / manualUidOrNull", () => {
  it("takes ws:// and wss:// addresses only", () => {
    expect(readerUrlOrNull(" ws://127.0.0.1:7373 ")).toBe("ws://127.0.0.1:7373")
    expect(readerUrlOrNull("wss://till.local/reader")).toBe("wss://till.local/reader")
    expect(readerUrlOrNull("http://127.0.0.1:7373")).toBeNull()
    expect(readerUrlOrNull("127.0.0.1:7373")).toBeNull()
    expect(readerUrlOrNull("")).toBeNull()
  })

  it("normalizes a typed UID or says it is none", () => {
    expect(manualUidOrNull("04:de:4d:00:00:00:01")).toBe("04DE4D00000001")
    expect(manualUidOrNull("04DE4D0000001")).toBeNull()
    expect(manualUidOrNull("")).toBeNull()
  })
})
