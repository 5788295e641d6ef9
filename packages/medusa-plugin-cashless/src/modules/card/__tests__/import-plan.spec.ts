import { csvField, parseCsv } from "../../../lib/csv"
import { MAX_IMPORT_ROWS, planImport } from "../lib/import-plan"

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes, semicolons, CRLF and a BOM, keeping line numbers", () => {
    expect(parseCsv('\ufeffuid,number\r\n"04:A1:B2:C3","N° ""7"", blue"\r\n\r\n04A1B2C4,8\n')).toEqual([
      { line: 1, fields: ["uid", "number"] },
      { line: 2, fields: ["04:A1:B2:C3", 'N° "7", blue'] },
      { line: 4, fields: ["04A1B2C4", "8"] },
    ])
    expect(parseCsv("04A1B2C3;12\n04A1B2C4;13")).toEqual([
      { line: 1, fields: ["04A1B2C3", "12"] },
      { line: 2, fields: ["04A1B2C4", "13"] },
    ])
  })

  it("quotes a field only when it must", () => {
    expect(csvField("0042")).toBe("0042")
    expect(csvField('a,"b"')).toBe('"a,""b"""')
    expect(csvField(null)).toBe("")
  })
})

describe("planImport", () => {
  it("normalizes UIDs, generates missing tokens and skips each bad line with its reason", () => {
    const token = "A".repeat(22)
    const { rows, problems, total } = planImport(
      [
        "UID,printed_number,qr_token",
        `04:a1:b2:c3,0001,${token}`,
        "04 A1 B2 C4,0002",
        "04A1B2C3,0003",
        "04A1B2C5,0001",
        "04A1B2C6,0004,tooshort",
        "nothex,0005",
        "04A1B2C7,",
        `04A1B2C8,0006,${token}`,
      ].join("\n")
    )
    expect(total).toBe(8)
    expect(rows.map((r) => [r.line, r.uid, r.printed_number])).toEqual([
      [2, "04A1B2C3", "0001"],
      [3, "04A1B2C4", "0002"],
    ])
    expect(rows[0].qr_token).toBe(token)
    expect(rows[1].qr_token).toMatch(/^[A-Za-z0-9_-]{27}$/)
    expect(problems.map((p) => [p.line, p.reason.split(":")[0]])).toEqual([
      [4, "Duplicate UID"],
      [5, "Duplicate printed number 0001"],
      [6, "Malformed QR token"],
      [7, "Malformed UID"],
      [8, "Missing printed number (second column)."],
      [9, "Duplicate QR token"],
    ])
  })

  it("refuses a file larger than one import may be", () => {
    const lines = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `04A1${i.toString(16).padStart(4, "0")},${i}`)
    expect(() => planImport(lines.join("\n"))).toThrow(/at most 20000 cards; this file has 20001/)
  })
})
