import { extractQrToken } from "../qr-token"

const TOKEN = "q7V1b2xZ-x_9aBcDeFgHiJkL"

describe("extractQrToken", () => {
  it("takes the bare token, trimmed", () => {
    expect(extractQrToken(`  ${TOKEN}\n`)).toBe(TOKEN)
  })

  it("takes the token at the end of the card's URL, with or without a trailing slash or query", () => {
    expect(extractQrToken(`http://localhost:9000/cashless/card/${TOKEN}`)).toBe(TOKEN)
    expect(extractQrToken(`https://festival.example/cashless/card/${TOKEN}/`)).toBe(TOKEN)
    expect(extractQrToken(`https://festival.example/c/${TOKEN}?utm_source=card`)).toBe(TOKEN)
    expect(extractQrToken(`https://festival.example/wallet?token=${TOKEN}`)).toBe(TOKEN)
  })

  it("answers null for what holds no token", () => {
    expect(extractQrToken("")).toBeNull()
    expect(extractQrToken("hello")).toBeNull()
    expect(extractQrToken("http://localhost:9000/cashless/card/")).toBeNull()
    expect(extractQrToken("http://localhost:9000/cashless/card/short")).toBeNull()
    expect(extractQrToken(`${TOKEN} extra`)).toBeNull()
    expect(extractQrToken("http://localhost:9000/%E0%A4%A")).toBeNull()
  })
})
