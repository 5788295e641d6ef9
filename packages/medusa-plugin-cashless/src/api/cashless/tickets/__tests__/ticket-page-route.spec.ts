import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { TicketForHolder } from "../../../../lib/tickets/ticket-words"
import { GET } from "../[secret]/route"

// The page's answers on their own; apps/shop/integration-tests/http/ticket-pages.spec.ts runs it
// against the real ticket module.

const SECRET = "tk_AbCdEfGhIjKlMnOpQrStUv-_"
const view: TicketForHolder = {
  id: "tkt_01JF3Z9W7Q2B4C6D8E0G1H2J3K",
  status: "valid",
  type_title: "Adult",
  holder_name: "Camille",
  order_id: "order_1",
  checked_in_at: null,
  page_url: `https://shop.example.org/cashless/tickets/${SECRET}`,
  event: { id: "tevt_1", name: "Festival 2027", venue: null, starts_at: "2027-07-10T16:00:00.000Z", ends_at: null },
}

async function get(secret: string, acceptLanguage?: string) {
  const lookups: unknown[] = []
  const service = {
    settings: { ticketUrl: "https://shop.example.org/cashless/tickets/{secret}", timeZone: "Europe/Paris" },
    storeTickets: async (filter: { secret?: string }) => {
      lookups.push(filter)
      return filter.secret === SECRET ? [view] : []
    },
  }
  const req = { params: { secret }, headers: acceptLanguage ? { "accept-language": acceptLanguage } : {}, scope: { resolve: () => service } }
  const res = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    body: "",
    setHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value
    },
    status(code: number) {
      this.statusCode = code
      return this
    },
    send(body: string) {
      this.body = body
      return this
    },
  }
  await GET(req as unknown as MedusaRequest, res as unknown as MedusaResponse)
  return { ...res, lookups }
}

describe("GET /cashless/tickets/:secret", () => {
  it("answers the ticket's page as uncached, unindexed HTML under a strict CSP", async () => {
    const res = await get(SECRET)
    expect(res.statusCode).toBe(200)
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8")
    expect(res.headers["cache-control"]).toBe("no-store")
    expect(res.headers["x-robots-tag"]).toMatch(/^noindex/)
    expect(res.headers["content-security-policy"]).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/)
    expect(res.body).toContain("<h1 id=\"event-1\">Festival 2027</h1>")
    expect(res.body).toContain("<svg")
    expect(res.lookups).toEqual([{ secret: SECRET }])
  })

  it("speaks the reader's language", async () => {
    expect((await get(SECRET, "fr-FR,fr;q=0.9")).body).toContain('<html lang="fr">')
    expect((await get(SECRET, "en-GB")).body).toContain('<html lang="en">')
  })

  it("answers 404 with a page for a well-formed secret no ticket has", async () => {
    const res = await get("tk_zzzzzzzzzzzzzzzzzzzzzzzz", "fr")
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain("Billet introuvable")
    expect(res.headers["cache-control"]).toBe("no-store")
    expect(res.lookups).toHaveLength(1)
  })

  it.each([
    ["too short", "tk_AbCdEfGhIjKlMnOpQrStUv-"],
    ["too long", `${SECRET}x`],
    ["no prefix", "AbCdEfGhIjKlMnOpQrStUv-_xx"],
    ["another prefix", "tx_AbCdEfGhIjKlMnOpQrStUv-_"],
    ["not base64url", "tk_AbCdEfGhIjKlMnOpQrStU+/="],
    ["SQL", "tk_' or 1=1 --aaaaaaaaaaaaa"],
    ["empty", ""],
  ])("refuses a malformed secret (%s) with 404, without looking it up", async (_what, secret) => {
    const res = await get(secret)
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain("Ticket not found")
    expect(res.lookups).toEqual([])
  })
})
