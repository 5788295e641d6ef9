import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { eventually } from "../helpers/eventually"
import { ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { checkout, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// E-tickets as their holder meets them: bought through Medusa's checkout, each one's public page
// (the address in its QR code and in the email) answers HTML with the QR code, unknown or garbled
// addresses a 404 page, a cancelled ticket's page says so; one email per order, however often
// `cashless.tickets.issued` comes.
jest.setTimeout(180_000)
delete process.env.REDIS_URL

const EVENT_NAME = "Festival 2027 <day> & night"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let buyer: StoreCustomer
    let orderId: string
    let tickets: Array<{ id: string; secret: string; page_url: string; status: string }>
    const page = (path: string, headers: Record<string, string> = {}) =>
      api.get(path, { headers, validateStatus: () => true, responseType: "text", transformResponse: (d: unknown) => d }) as Promise<{
        status: number
        data: string
        headers: Record<string, string>
      }>

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "tickets")
      // Tickets use Medusa inventory (the event's capacity): a stock location serving the channel.
      const location = await admin.post("/admin/stock-locations", { name: "Festival grounds (test)" })
      const locationId = location.data.stock_location.id as string
      await admin.post(`/admin/stock-locations/${locationId}/sales-channels`, { add: [shop.sales_channel_id] })
      const product = await admin.post("/admin/products", {
        title: "Festival 2027 — day pass",
        status: "published",
        options: [{ title: "Type", values: ["Adult", "Child"] }],
        variants: [
          { title: "Adult", options: { Type: "Adult" }, prices: [{ amount: 35, currency_code: "eur" }] },
          { title: "Child", options: { Type: "Child" }, prices: [{ amount: 15, currency_code: "eur" }] },
        ],
        sales_channels: [{ id: shop.sales_channel_id }],
      })
      if (product.status !== 200) throw new Error(`product: ${product.status} ${JSON.stringify(product.data)}`)
      const event = await admin.post("/admin/cashless/ticket-events", {
        name: EVENT_NAME,
        venue: "Parc des Trois Pics",
        starts_at: "2027-07-10T08:00:00.000Z",
        capacity: 50,
        product_id: product.data.product.id,
        stock_location_id: locationId,
      })
      if (event.status !== 201) throw new Error(`event: ${event.status} ${JSON.stringify(event.data)}`)

      buyer = await storeCustomer(api, shop.publishable_key, "Camille")
      const cart = await newCart(shop, buyer)
      const adult = product.data.product.variants.find((v: { title: string }) => v.title === "Adult").id
      const added = await buyer.post(`/store/carts/${cart}/line-items`, { variant_id: adult, quantity: 2 })
      if (added.status !== 200) throw new Error(`line item: ${added.status} ${JSON.stringify(added.data)}`)
      orderId = (await checkout(buyer, cart)).order_id
      const mine = await eventually(
        () => buyer.get(`/store/cashless/me/tickets?order_id=${orderId}`),
        (r) => r.status === 200 && r.data.tickets.length === 2
      )
      expect(mine.status).toBe(200)
      tickets = mine.data.tickets
      expect(tickets).toHaveLength(2)
    })

    it("answers each ticket's page as HTML with the event's name and its QR code, to anyone holding the address", async () => {
      for (const t of tickets) {
        expect(t.page_url.endsWith(`/cashless/tickets/${t.secret}`)).toBe(true)
        // No publishable key, no login: the address is the ticket.
        const res = await page(`/cashless/tickets/${t.secret}`)
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe("text/html; charset=utf-8")
        expect(res.headers["cache-control"]).toBe("no-store")
        expect(res.headers["x-robots-tag"]).toMatch(/noindex/)
        expect(res.headers["content-security-policy"]).toMatch(/default-src 'none'/)
        expect(res.data).toContain("Festival 2027 &lt;day&gt; &amp; night")
        expect(res.data).not.toContain(EVENT_NAME)
        expect(res.data).toContain("<svg")
        expect(res.data).toContain("Adult")
      }
      const fr = await page(`/cashless/tickets/${tickets[0].secret}`, { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" })
      expect(fr.data).toContain('<html lang="fr">')
      expect(fr.data).toContain("Valable")
    })

    it("answers a 404 page for an unknown or garbled address", async () => {
      const unknown = await page(`/cashless/tickets/tk_${"A".repeat(24)}`)
      expect(unknown.status).toBe(404)
      expect(unknown.headers["content-type"]).toBe("text/html; charset=utf-8")
      expect(unknown.data).toContain("Ticket not found")
      for (const garbled of [tickets[0].secret.slice(0, -1), `${tickets[0].secret}x`, "%27%20or%201%3D1", "tk_%E2%82%AC%E2%82%AC"]) {
        const res = await page(`/cashless/tickets/${garbled}`)
        expect({ garbled, status: res.status }).toEqual({ garbled, status: 404 })
        expect(res.data).toContain("Ticket not found")
      }
    })

    it("says on a cancelled ticket's page that it is cancelled, without QR code", async () => {
      const cancelled = await admin.post(`/admin/cashless/tickets/${tickets[1].id}/cancel`, { reason: "Cannot come" })
      expect(cancelled.status).toBe(200)
      const res = await page(`/cashless/tickets/${tickets[1].secret}`)
      expect(res.status).toBe(200)
      expect(res.data).toMatch(/class="stamp"[^>]*>Cancelled</)
      expect(res.data).not.toContain("<svg")
      // The other ticket of the order is still good.
      expect((await page(`/cashless/tickets/${tickets[0].secret}`)).data).toContain("<svg")
    })

    it("sends the order's tickets once by email, with a link to each page, however often the event comes", async () => {
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const sent = () => notifications.listNotifications({ template: "cashless-tickets", resource_id: orderId })
      const first = await eventually(sent, (n) => n.length > 0)
      expect(first).toHaveLength(1)
      expect(first[0]).toMatchObject({ to: buyer.email, channel: "email", idempotency_key: `cashless-tickets:${orderId}` })
      const data = first[0].data as { ticket_ids: string[]; ticket_urls: string[]; text: string }
      expect([...data.ticket_ids].sort()).toEqual(tickets.map((t) => t.id).sort())
      for (const t of tickets) expect(data.text).toContain(t.page_url)

      const events = getContainer().resolve(Modules.EVENT_BUS)
      const again = { name: "cashless.tickets.issued", data: { order_id: orderId, ticket_ids: tickets.map((t) => t.id) } }
      await events.emit([again, again])
      await new Promise((r) => setTimeout(r, 1500))
      expect(await sent()).toHaveLength(1)
      const { rows } = await db.raw(`select count(*)::int as n from notification where idempotency_key = ?`, [`cashless-tickets:${orderId}`])
      expect(rows[0].n).toBe(1)
    })
  },
})
