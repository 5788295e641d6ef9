import jsQR from "jsqr"
import QRCode from "qrcode"
import { MAX_INLINE_QR, ticketEmail } from "../ticket-email"
import type { TicketForHolder } from "../ticket-words"

const ticket = (n: number, over: Partial<TicketForHolder> = {}): TicketForHolder => ({
  id: `tkt_01JF3Z9W7Q2B4C6D8E0G1H2J${n}${n}`,
  status: "valid",
  type_title: n === 1 ? "Adult" : "Child",
  holder_name: "Camille Martin",
  order_id: "order_01",
  checked_in_at: null,
  page_url: `https://shop.example.org/cashless/tickets/tk_${String(n).repeat(24)}`,
  event: { id: "tevt_1", name: "Festival 2027 — day pass", venue: "Parc", starts_at: "2027-07-10T16:00:00.000Z", ends_at: null },
  ...over,
})

// qrcode's own PNG codec (its dependency, so always installed with it), to read the images back.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require("pngjs") as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }

const decodePng = (dataUrl: string) => {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

const tickets = [ticket(1), ticket(2), ticket(3)]

describe("ticketEmail", () => {
  it("links every ticket's page in the text and in the html, and greets the holder", async () => {
    const mail = await ticketEmail({ tickets, lang: "en", timeZone: "Europe/Paris" })
    expect(mail.subject).toBe("Your 3 tickets: Festival 2027 — day pass")
    expect(mail.text.startsWith("Hello Camille Martin,\n")).toBe(true)
    for (const t of tickets) {
      expect(mail.text).toContain(`Open the ticket: ${t.page_url}`)
      expect(mail.html.split(`href="${t.page_url}"`).length - 1).toBe(2) // the QR and the button
    }
    expect(mail.text).toContain("Ticket 2 of 3 — Festival 2027 — day pass")
    expect(mail.text).toMatch(/Saturday,? 10 July 2027, 18:00/)
    expect(mail.text).toContain("Ticket type: Child")
  })

  it("holds each valid ticket's QR code as a PNG data URL of its page's address", async () => {
    const mail = await ticketEmail({ tickets, lang: "en", timeZone: "Europe/Paris" })
    const images = [...mail.html.matchAll(/<img src="(data:image\/png;base64,[A-Za-z0-9+/=]+)"/g)].map((m) => m[1])
    expect(images).toHaveLength(3)
    for (const [i, t] of tickets.entries()) {
      // The very image qrcode draws for that address, at error correction M.
      expect(images[i]).toBe(await QRCode.toDataURL(t.page_url, { errorCorrectionLevel: "M", margin: 4, scale: 5, type: "image/png" }))
    }
    expect(images.map(decodePng)).toEqual(tickets.map((t) => t.page_url))
    expect(mail.html).not.toContain("<svg")
  })

  it("inlines at most MAX_INLINE_QR images in a large order's mail, and links every ticket", async () => {
    const many = Array.from({ length: MAX_INLINE_QR + 2 }, (_, i) =>
      ticket(1, { id: `tkt_many_${i}`, page_url: `https://shop.example.org/cashless/tickets/tk_${String(i).padStart(24, "x")}` })
    )
    const mail = await ticketEmail({ tickets: many, lang: "en", timeZone: "Europe/Paris" })
    expect([...mail.html.matchAll(/<img src="data:image\/png/g)]).toHaveLength(MAX_INLINE_QR)
    for (const t of many) expect(mail.html).toContain(`href="${t.page_url}"`)
  })

  it("escapes the holder's name and the event's in the html, keeps them plain in the text", async () => {
    const evil = ticket(1, { holder_name: `<script>alert(1)</script>`, event: { ...ticket(1).event, name: `Rock & "Roll"` } })
    const mail = await ticketEmail({ tickets: [evil], lang: "en", timeZone: "Europe/Paris" })
    expect(mail.html).not.toContain("<script>")
    expect(mail.html).toContain("Hello &lt;script&gt;alert(1)&lt;/script&gt;,")
    expect(mail.html).toContain("Rock &amp; &quot;Roll&quot;")
    expect(mail.text).toContain("Hello <script>alert(1)</script>,")
    expect(mail.subject).toBe(`Your ticket: Rock & "Roll"`)
  })

  it("speaks French", async () => {
    const mail = await ticketEmail({ tickets: tickets.slice(0, 1), lang: "fr", timeZone: "Europe/Paris" })
    expect(mail.subject).toBe("Votre billet : Festival 2027 — day pass")
    expect(mail.text).toContain("Bonjour Camille Martin,")
    expect(mail.text).toContain(`Ouvrir le billet\u00a0: ${tickets[0].page_url}`)
    expect(mail.html).toContain('<html lang="fr">')
    expect(mail.html).toContain("Tarif\u00a0: <b>Adult</b>")
  })

  it("names every event of a mixed order once, and gives no QR code to a void ticket", async () => {
    const other = ticket(2, { event: { ...ticket(2).event, id: "tevt_2", name: "Jazz night" } })
    const refunded = ticket(3, { status: "refunded" })
    const mail = await ticketEmail({ tickets: [ticket(1), other, refunded], lang: "en", timeZone: "Europe/Paris" })
    expect(mail.subject).toBe("Your 3 tickets: Festival 2027 — day pass, Jazz night")
    expect(mail.html.match(/<img /g)).toHaveLength(2)
    expect(mail.text).toContain("Status: Refunded")
  })
})
