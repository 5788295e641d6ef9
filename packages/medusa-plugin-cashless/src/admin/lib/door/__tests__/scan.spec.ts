import { parseScan } from "../scan"

const SECRET = "tk_AbCdEfGhIjKlMnOpQrStUv-_"

describe("parseScan", () => {
  it("takes a bare secret, around whitespace a scanner or a paste leaves", () => {
    expect(parseScan(SECRET)).toEqual({ kind: "ticket", secret: SECRET })
    expect(parseScan(`  ${SECRET}\r\n`)).toEqual({ kind: "ticket", secret: SECRET })
    expect(parseScan(`\t${SECRET}\t`)).toEqual({ kind: "ticket", secret: SECRET })
  })

  it("takes the ticket page's URL, with or without its scheme, and a trailing slash", () => {
    expect(parseScan(`http://localhost:9000/cashless/tickets/${SECRET}`)).toEqual({ kind: "ticket", secret: SECRET })
    expect(parseScan(`https://shop.example.org/cashless/tickets/${SECRET}/`)).toEqual({ kind: "ticket", secret: SECRET })
    expect(parseScan(`shop.example.org/cashless/tickets/${SECRET}`)).toEqual({ kind: "ticket", secret: SECRET })
    expect(parseScan(` https://shop.example.org/cashless/tickets/${SECRET}?utm=mail \n`)).toEqual({ kind: "ticket", secret: SECRET })
  })

  it("tells a cashless card's QR code from a ticket", () => {
    expect(parseScan("http://localhost:9000/cashless/card/0123456789abcdefghijABCDEFGH")).toEqual({ kind: "card_qr" })
    expect(parseScan("https://shop.example.org/cashless/card/0123456789abcdefghijABCDEFGH?x=1")).toEqual({ kind: "card_qr" })
  })

  it("refuses what is no ticket: other URLs, other text, a secret too short or with foreign characters", () => {
    for (const text of [
      "hello",
      "https://example.org/",
      `https://example.org/other/${SECRET}`,
      "tk_short",
      "tk_AbCdEfGhIjKlMnOp$rStUv",
      "https://shop.example.org/cashless/tickets/not-a-secret",
      "04A1B2C3D4E5F6",
    ]) {
      expect([text, parseScan(text)]).toEqual([text, { kind: "not_a_ticket" }])
    }
  })

  it("says when nothing was scanned", () => {
    expect(parseScan("")).toEqual({ kind: "empty" })
    expect(parseScan(" \n\t")).toEqual({ kind: "empty" })
  })
})
