import { newTicketSecret, TICKET_SECRET, ticketSecretOf } from "../lib/secret"

describe("ticket secrets", () => {
  it("are 144 random bits behind a prefix, never twice the same", () => {
    const secrets = new Set(Array.from({ length: 2000 }, newTicketSecret))
    expect(secrets.size).toBe(2000)
    for (const s of secrets) expect(s).toMatch(TICKET_SECRET)
    expect(Buffer.from([...secrets][0].slice(3), "base64url")).toHaveLength(18)
  })

  it("are found in a bare scan or in the page address the QR carries", () => {
    const s = newTicketSecret()
    expect(ticketSecretOf(s)).toBe(s)
    expect(ticketSecretOf(`  ${s}\n`)).toBe(s)
    expect(ticketSecretOf(`https://shop.example/cashless/tickets/${s}`)).toBe(s)
    expect(ticketSecretOf(`https://shop.example/cashless/tickets/${s}/?utm=1`)).toBe(s)
  })

  it("refuse what is not a ticket: a card's QR, a truncated secret, junk", () => {
    expect(ticketSecretOf("https://shop.example/cashless/card/abcdefabcdefabcdefabcdef")).toBeNull()
    expect(ticketSecretOf(newTicketSecret().slice(0, 20))).toBeNull()
    expect(ticketSecretOf(`${newTicketSecret()}x`)).toBeNull()
    expect(ticketSecretOf("")).toBeNull()
  })
})
