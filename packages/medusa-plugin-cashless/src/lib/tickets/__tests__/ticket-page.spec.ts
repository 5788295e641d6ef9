import { createHash } from "node:crypto"
import jsQR from "jsqr"
import { renderTicketNotFound, renderTicketPage, TICKET_PAGE_CSP } from "../ticket-page"
import { ticketLangFromHeader, ticketReference, type TicketForHolder } from "../ticket-words"

const ticket = (over: Partial<TicketForHolder> = {}): TicketForHolder => ({
  id: "tkt_01JF3Z9W7Q2B4C6D8E0G1H2J3K",
  status: "valid",
  type_title: "Adult",
  holder_name: "Camille Martin",
  order_id: "order_01",
  checked_in_at: null,
  page_url: "https://shop.example.org/cashless/tickets/tk_AbCdEfGhIjKlMnOpQrStUv-_",
  event: {
    id: "tevt_1",
    name: "Festival 2027 — day pass",
    venue: "Parc des Trois Pics",
    // 16:00 UTC is 18:00 in Paris (summer time).
    starts_at: "2027-07-10T16:00:00.000Z",
    ends_at: "2027-07-10T21:30:00.000Z",
  },
  ...over,
})

const page = (tickets: TicketForHolder[], lang: "en" | "fr" = "en") => renderTicketPage({ tickets, lang, timeZone: "Europe/Paris" })

/** The QR codes of a page, rasterised (1 px per module, as in qr-svg.spec.ts) and decoded. */
function decodedQrs(html: string): string[] {
  return [...html.matchAll(/<svg [^>]*viewBox="0 0 (\d+) \d+"[\s\S]*?<path fill="#000" d="([^"]*)"/g)].map(([, n, d]) => {
    const side = Number(n) * 4
    const px = new Uint8ClampedArray(side * side * 4).fill(255)
    for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      const [x, y, w] = m.slice(1).map(Number)
      for (let py = y * 4; py < y * 4 + 4; py++) px.fill(0, (py * side + x * 4) * 4, (py * side + (x + w) * 4) * 4)
    }
    for (let i = 3; i < px.length; i += 4) px[i] = 255
    return jsQR(px, side, side)?.data ?? "(unreadable)"
  })
}

describe("renderTicketPage", () => {
  it("shows the event, its date in the shop's time zone, the type, the holder, the reference and a QR of the page's address", () => {
    const html = page([ticket()])
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain("<h1 id=\"event-1\">Festival 2027 — day pass</h1>")
    // (ICU versions differ on the comma after the weekday.)
    expect(html).toMatch(/Saturday,? 10 July 2027, 18:00 – 23:30/)
    expect(html).toContain("<dd>Parc des Trois Pics</dd>")
    expect(html).toContain("<dd>Adult</dd>")
    expect(html).toContain("<dd>Camille Martin</dd>")
    // The end of the ticket's id, never anything of its secret.
    expect(html).toContain('<p class="ref">0G1H-2J3K</p>')
    expect(decodedQrs(html)).toEqual([ticket().page_url])
    expect(html).toContain('<dd class="status-valid">Valid</dd>')
  })

  it("is self-contained: no script, no external asset, its only style allowed by the CSP's hash", () => {
    const html = page([ticket()])
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import|\son[a-z]+=/i)
    expect(html).not.toMatch(/ style="/)
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
    expect(styles).toHaveLength(1)
    const hash = createHash("sha256").update(styles[0]).digest("base64")
    expect(TICKET_PAGE_CSP).toContain(`style-src 'sha256-${hash}'`)
    expect(TICKET_PAGE_CSP).toContain("default-src 'none'")
    expect(TICKET_PAGE_CSP).not.toContain("unsafe")
    expect(styles[0]).toMatch(/@media print\{[\s\S]*break-after:page/)
  })

  it("escapes every value: a holder name is user input", () => {
    const html = page([
      ticket({
        holder_name: `<script>alert("x")</script>`,
        type_title: "Kid's <b>",
        event: { ...ticket().event, name: "Rock & <Roll>", venue: `"Quoted" venue` },
      }),
    ])
    expect(html).not.toContain("<script>")
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    expect(html).toContain("Kid&#39;s &lt;b&gt;")
    expect(html).toContain("Rock &amp; &lt;Roll&gt;")
    expect(html).toContain("&quot;Quoted&quot; venue")
    expect(html).not.toContain("<Roll>")
  })

  it("speaks French, dates in French", () => {
    const html = page([ticket()], "fr")
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain("Billet électronique")
    expect(html).toMatch(/samedi,? 10 juillet 2027, 18:00 – 23:30/)
    expect(html).toContain("<dt>Titulaire</dt>")
    expect(html).toContain('<dd class="status-valid">Valable</dd>')
    expect(html).not.toContain("E-ticket")
  })

  it("says in big letters that a cancelled or refunded ticket is void, and shows no QR code", () => {
    for (const [status, en, fr] of [
      ["cancelled", "Cancelled", "Annulé"],
      ["refunded", "Refunded", "Remboursé"],
    ] as const) {
      const html = page([ticket({ status })])
      expect(html).toContain(`<p class="stamp" role="alert">${en}</p>`)
      expect(html).toContain("no longer valid")
      expect(html).not.toContain("<svg")
      expect(html).not.toContain("Show this QR code")
      // The reference stays, for staff.
      expect(html).toContain(`<dd>${ticketReference(ticket().id)}</dd>`)
      expect(page([ticket({ status })], "fr")).toContain(`<p class="stamp" role="alert">${fr}</p>`)
    }
    expect(page([ticket()])).not.toContain('class="stamp"')
  })

  it("says when a checked-in ticket was checked in, in the shop's time zone", () => {
    const html = page([ticket({ status: "checked_in", checked_in_at: "2027-07-10T16:42:00.000Z" })])
    expect(html).toMatch(/Checked in on 10 July 2027(,| at) 18:42/)
    expect(html).toContain('<dd class="status-checked_in">Checked in</dd>')
    expect(page([ticket({ status: "checked_in", checked_in_at: "2027-07-10T16:42:00.000Z" })], "fr")).toMatch(
      /Entrée validée le 10 juillet 2027( à|,) 18:42/
    )
  })

  it("shows an order's tickets one per section (one per printed page), each with its own QR code", () => {
    const second = ticket({ id: "tkt_01JF3Z9W7Q2B4C6D8E0G1H2ZZZ", type_title: "Child", page_url: "https://shop.example.org/cashless/tickets/tk_zzzzzzzzzzzzzzzzzzzzzzzz" })
    const html = page([ticket(), second])
    expect(html.match(/<section class="ticket"/g)).toHaveLength(2)
    expect(html).toContain("Ticket 1 of 2")
    expect(html).toContain("Ticket 2 of 2")
    expect(decodedQrs(html)).toEqual([ticket().page_url, second.page_url])
    // Unique ids for the QR codes' titles.
    expect(html).toContain('aria-labelledby="qr-1"')
    expect(html).toContain('aria-labelledby="qr-2"')
  })

  it("leaves out the venue and the holder when there are none, and spans days when the event does", () => {
    const html = page([ticket({ holder_name: null, event: { ...ticket().event, venue: null, ends_at: "2027-07-12T20:00:00.000Z" } })])
    expect(html).not.toContain("<dt>Venue</dt>")
    expect(html).not.toContain("<dt>Holder</dt>")
    expect(html).toMatch(/Saturday,? 10 July 2027, 18:00 – Monday,? 12 July 2027, 22:00/)
  })
})

describe("renderTicketNotFound", () => {
  it("says so, in the reader's language, without QR code", () => {
    expect(renderTicketNotFound("en")).toContain("<h1>Ticket not found</h1>")
    expect(renderTicketNotFound("fr")).toContain("<h1>Billet introuvable</h1>")
    expect(renderTicketNotFound("fr")).not.toContain("<svg")
  })
})

describe("ticketLangFromHeader", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["en-US,en;q=0.9,fr;q=0.8", "en"],
    ["de-DE,de;q=0.9,fr;q=0.7,en;q=0.5", "fr"],
    ["de-DE", "en"],
    ["en;q=0.2, fr;q=0.8", "fr"],
    ["fr;q=0", "en"],
    ["", "en"],
    [undefined, "en"],
    [["fr-CA"], "fr"],
  ] as const)("%p → %p", (header, lang) => {
    expect(ticketLangFromHeader(header as string | string[] | undefined)).toBe(lang)
  })
})
