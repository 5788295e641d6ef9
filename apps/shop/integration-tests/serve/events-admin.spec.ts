/**
 * The Events admin pages on `npm run serve` (production build, fresh embedded database), in
 * headless Chromium: Cashless → Events, an event created through its drawer on a product whose
 * variants are the ticket types (the server's refusal shown in the drawer), its page, its edit
 * and archive; then tickets bought through the store API: the event's tickets table, a refund
 * of a checked-in ticket through the manager's override, a cancellation with its reason, and
 * the order page's Tickets section. Every step is checked against the admin API.
 */
import { randomUUID } from "node:crypto"
import type { Browser, Locator, Page } from "playwright-core"
import { adminHttp, type AdminHttp } from "../helpers/admin-http"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium, screenshot } from "../helpers/browser"
import { eventually } from "../helpers/eventually"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
import { checkout, newCart, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import { storeHttp } from "../helpers/store-http"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(600_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })
/** Shared by the names of one run, so searches find only this run's records. */
const RUN = randomUUID().slice(0, 8)

/** A local wall-clock time as the browser reads a datetime-local value (the test and Chromium share the machine's zone). */
const localIso = (value: string) => new Date(value).toISOString()

describe("events admin UI on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let base: string
  let admin: AdminHttp

  const ok = async (what: string, res: Promise<{ status: number; data: Record<string, any> }>, status = 200) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const answer = await res
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.data)}`)
    return answer.data
  }

  beforeAll(async () => {
    shop = await serveShop("cashless-events-admin")
    ;({ run, base } = shop)
    const { email, password } = printed(run)
    admin = await adminHttp(base, email, password)
  })

  afterAll(async () => {
    await shop?.stop()
  })

  describeBrowser("the events pages in headless Chromium", () => {
    let browser: Browser
    let page: Page
    const pageErrors: string[] = []
    let product: { id: string; title: string; variants: Array<{ id: string; title: string }> }
    let eventId: string

    const main = () => page.locator("main")
    const drawer = () => page.getByRole("dialog")
    const toast = (text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text })
    /** Polls until the locator's text matches: the pages refetch after every write. */
    const textOf = async (locator: Locator, pattern: RegExp, timeout = 30_000) => {
      const deadline = Date.now() + timeout
      let text = ""
      while (Date.now() < deadline) {
        text = (await locator.innerText().catch(() => "")) ?? ""
        if (pattern.test(text)) return text
        await page.waitForTimeout(200)
      }
      throw new Error(`expected ${pattern} in: ${text}`)
    }
    const cellsOf = async (row: Locator) => {
      await row.first().waitFor({ state: "visible", timeout: 30_000 })
      return (await row.locator("td").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim())
    }
    let shot = 0
    /** For a person to look at after a run (git-ignored .screenshots). */
    const step = (name: string) => screenshot(page, `events-admin-${String(++shot).padStart(2, "0")}-${name}`)
    const eventOf = async (id: string) => (await ok("event", admin.get(`/admin/cashless/ticket-events/${id}`))).event

    beforeAll(async () => {
      const { sales_channels } = await ok("channels", admin.get("/admin/sales-channels?fields=id,name"))
      product = (
        await ok(
          "ticket product",
          admin.post("/admin/products", {
            title: `Concert ${RUN}`,
            status: "published",
            options: [{ title: "Ticket", values: ["Standard", "VIP"] }],
            variants: [
              { title: "Standard", options: { Ticket: "Standard" }, prices: [{ amount: 25, currency_code: "eur" }] },
              { title: "VIP", options: { Ticket: "VIP" }, prices: [{ amount: 60, currency_code: "eur" }] },
            ],
            sales_channels: (sales_channels as Array<{ id: string }>).map((c) => ({ id: c.id })),
          })
        )
      ).product
      browser = await launchChromium()
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      page.on("pageerror", (err) => pageErrors.push(err.message))
      const { email, password } = printed(run)
      await page.goto(`${base}/app/login`)
      await page.fill('input[name="email"]', email)
      await page.fill('input[name="password"]', password)
      await page.click('button[type="submit"]')
      await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
    })
    afterAll(async () => {
      await browser?.close()
    })

    it("opens Events from the Cashless page", async () => {
      await page.getByRole("link", { name: "Cashless" }).click()
      await page.waitForURL(/\/app\/cashless$/)
      await main().getByRole("navigation", { name: "Cashless sections" }).getByRole("link", { name: /^Events/ }).click()
      await page.waitForURL(/\/app\/cashless\/events$/)
      await textOf(main().getByRole("heading", { level: 1 }), /^Events$/)
    })

    it("creates an event through the drawer: fields checked, product picked, capacity on Medusa inventory", async () => {
      await main().getByRole("button", { name: "Create event" }).click()
      await drawer().getByRole("button", { name: "Create event" }).click()
      await textOf(drawer(), /Pick the product[\s\S]*A name is required[\s\S]*When the event starts[\s\S]*A whole number of places/)

      await drawer().getByRole("searchbox", { name: "Search products" }).fill(`Concert ${RUN}`)
      await drawer().getByRole("radio", { name: new RegExp(`Concert ${RUN}`) }).click()
      // The name starts as the product's title.
      expect(await drawer().getByLabel("Name").inputValue()).toBe(`Concert ${RUN}`)
      // In the catalogue's order of variants, which Medusa does not fix here.
      await textOf(drawer(), /Ticket types: (Standard, VIP|VIP, Standard)\n/)
      await drawer().getByLabel("Name").fill(`Summer night ${RUN}`)
      await drawer().getByLabel("Venue").fill("Main stage")
      await drawer().getByLabel("Starts").fill("2027-07-14T18:00")
      await drawer().getByLabel("Ends").fill("2027-07-14T17:00")
      await drawer().getByLabel("Capacity").fill("120")
      await drawer().getByRole("button", { name: "Create event" }).click()
      await textOf(drawer(), /The end must come after the start\./)
      await step("create-drawer")
      await drawer().getByLabel("Ends").fill("2027-07-14T23:30")
      await drawer().getByRole("button", { name: "Create event" }).click()
      await toast(`Event Summer night ${RUN} created`).waitFor({ timeout: 60_000 })
      await page.waitForURL(/\/app\/cashless\/events\/[^/]+$/)
      eventId = page.url().split("/").pop()!

      const event = await eventOf(eventId)
      expect(event).toMatchObject({
        name: `Summer night ${RUN}`,
        venue: "Main stage",
        starts_at: localIso("2027-07-14T18:00"),
        ends_at: localIso("2027-07-14T23:30"),
        capacity: 120,
        product_id: product.id,
        archived_at: null,
        counts: { issued: 0, valid: 0, checked_in: 0, cancelled: 0, refunded: 0 },
      })
      // Automatic: the stock location linked to the product's sales channel.
      expect(event.stock_location_id).toEqual(expect.any(String))
      expect(event.inventory_item_id).toEqual(expect.any(String))
      expect(event.ticket_types.map((t: { title: string }) => t.title).sort()).toEqual(["Standard", "VIP"])
      const { inventory_levels } = await ok("levels", admin.get(`/admin/inventory-items/${event.inventory_item_id}/location-levels`))
      expect(inventory_levels).toEqual([expect.objectContaining({ location_id: event.stock_location_id, stocked_quantity: 120 })])

      await textOf(main().getByRole("heading", { level: 1 }), new RegExp(`^Summer night ${RUN}$`))
      await textOf(main().getByRole("progressbar", { name: "Checked in" }).locator(".."), /0 of 120 checked in \(0 %\)/)
      await textOf(main(), /Ticket types\s+(Standard, VIP|VIP, Standard)\n/)
      await textOf(main(), /No ticket sold yet\./)
      await step("new-event")
    })

    it("shows the server's refusal in the drawer: a product sells one event", async () => {
      await page.goto(`${base}/app/cashless/events`)
      await main().getByRole("button", { name: "Create event" }).click()
      await drawer().getByRole("searchbox", { name: "Search products" }).fill(`Concert ${RUN}`)
      await drawer().getByRole("radio", { name: new RegExp(`Concert ${RUN}`) }).click()
      await drawer().getByLabel("Starts").fill("2027-08-01T20:00")
      await drawer().getByLabel("Capacity").fill("50")
      await drawer().getByRole("button", { name: "Create event" }).click()
      // The server's own sentence (409 product_taken), as it wrote it.
      await textOf(drawer().getByRole("alert").last(), new RegExp(`already sells the tickets of "Summer night ${RUN}": an event needs a product of its own`))
      await page.keyboard.press("Escape")
      await drawer().waitFor({ state: "hidden" })
      const { events } = await ok("events", admin.get("/admin/cashless/ticket-events?archived=true"))
      expect((events as Array<{ product_id: string }>).filter((e) => e.product_id === product.id)).toHaveLength(1)
    })

    it("lists the event with its dates and counts, edits it and archives it", async () => {
      const row = main().getByRole("row", { name: `event Summer night ${RUN}` })
      const cells = await cellsOf(row)
      expect(cells[0]).toBe(`Summer night ${RUN} Main stage`)
      expect(cells[1]).toMatch(/2027/)
      expect(cells.slice(2)).toEqual(["120", "0", "0", "0", "0"])

      await row.getByRole("link", { name: `Summer night ${RUN}` }).click()
      await page.waitForURL(new RegExp(`/app/cashless/events/${eventId}$`))
      await main().getByRole("button", { name: "Edit" }).click()
      expect(await drawer().getByLabel("Starts").inputValue()).toBe("2027-07-14T18:00")
      await drawer().getByLabel("Capacity").fill("100")
      await drawer().getByLabel("Venue").fill("")
      await drawer().getByRole("button", { name: "Save" }).click()
      await toast(`Event Summer night ${RUN} saved`).waitFor({ timeout: 30_000 })
      await textOf(main().getByRole("progressbar", { name: "Checked in" }).locator(".."), /0 of 100 checked in/)
      const edited = await eventOf(eventId)
      expect(edited).toMatchObject({ capacity: 100, venue: null, starts_at: localIso("2027-07-14T18:00") })
      const { inventory_levels } = await ok("levels", admin.get(`/admin/inventory-items/${edited.inventory_item_id}/location-levels`))
      expect(inventory_levels).toEqual([expect.objectContaining({ stocked_quantity: 100 })])

      await main().getByRole("button", { name: "Edit" }).click()
      await drawer().getByRole("switch", { name: "Archived" }).click()
      await drawer().getByRole("button", { name: "Save" }).click()
      await toast(`Event Summer night ${RUN} saved`).waitFor({ timeout: 30_000 })
      await textOf(main(), /Archived on/)
      expect((await eventOf(eventId)).archived_at).not.toBeNull()

      // Archived events are hidden from the list unless asked for.
      await main().getByRole("link", { name: "← Events" }).click()
      await page.waitForURL(/\/app\/cashless\/events$/)
      await textOf(main(), /Show archived events/)
      // The list refetches on return: the archived event leaves it once the server has answered.
      await main().getByRole("row", { name: `event Summer night ${RUN}` }).waitFor({ state: "detached", timeout: 30_000 })
      await main().getByRole("switch", { name: "Show archived events" }).click()
      await page.waitForURL(/archived=true/)
      await textOf(main().getByRole("row", { name: `event Summer night ${RUN}` }), /Archived/)
    })

    describe("an event's tickets", () => {
      let event: { id: string; name: string }
      let buyer: StoreCustomer
      let orderId: string
      let tickets: Array<{ id: string; secret: string; status: string }>
      const row = (ticketId: string) => main().locator(`tr[data-ticket-id="${ticketId}"]`)
      const ticketOf = async (id: string) => (await ok("ticket", admin.get(`/admin/cashless/tickets/${id}`))).ticket

      beforeAll(async () => {
        // A shop of its own (region paid by the system provider, channel, key) with a stock location for the capacity.
        const fixture = await shopFixture(admin, `events ${RUN}`)
        const location = (await ok("location", admin.post("/admin/stock-locations", { name: `Box office ${RUN}` }))).stock_location
        await ok("location channel", admin.post(`/admin/stock-locations/${location.id}/sales-channels`, { add: [fixture.sales_channel_id] }))
        const { product: concert } = await ok(
          "concert product",
          admin.post("/admin/products", {
            title: `Jazz ${RUN}`,
            status: "published",
            options: [{ title: "Ticket", values: ["Standard"] }],
            variants: [{ title: "Standard", options: { Ticket: "Standard" }, prices: [{ amount: 25, currency_code: "eur" }] }],
            sales_channels: [{ id: fixture.sales_channel_id }],
          })
        )
        event = (
          await ok(
            "event",
            admin.post("/admin/cashless/ticket-events", {
              name: `Jazz night ${RUN}`,
              starts_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
              capacity: 40,
              product_id: concert.id,
            }),
            201
          )
        ).event
        const door = (
          await ok(
            "door",
            admin.post("/admin/cashless/points-of-sale", { name: `North gate ${RUN}`, sales_channel_id: fixture.sales_channel_id, country_code: "fr" }),
            201
          )
        ).point_of_sale
        buyer = await storeCustomer(storeHttp(base), fixture.publishable_key, "Lea")
        const cart = await newCart(fixture, buyer)
        await ok("line", buyer.post(`/store/carts/${cart}/line-items`, { variant_id: concert.variants[0].id, quantity: 2 }))
        orderId = (await checkout(buyer, cart)).order_id
        // A digital order is captured when placed, and its tickets issued then.
        tickets = (
          await eventually(
            async () => (await ok("my tickets", buyer.get(`/store/cashless/me/tickets?order_id=${orderId}`))).tickets,
            (list: Array<{ id: string; secret: string; status: string }>) => list.length >= 2
          )
        ).sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))
        expect(tickets).toHaveLength(2)
        const admitted = await ok(
          "check-in",
          admin.post(`/admin/cashless/doors/${door.id}/check-ins`, { event_id: event.id, secret: tickets[0].secret, idempotency_key: randomUUID() })
        )
        expect(admitted.outcome).toBe("admitted")
      })

      it("lists them with their holder, status, check-in and order, searched and filtered", async () => {
        await page.goto(`${base}/app/cashless/events/${event.id}`)
        await textOf(main().getByRole("progressbar", { name: "Checked in" }).locator(".."), /1 of 40 checked in \(2 %\) · 1 valid/)
        await textOf(main().getByLabel("Ticket counts"), /2 issued · 1 valid · 1 checked in · 0 cancelled · 0 refunded/)
        const used = await cellsOf(row(tickets[0].id))
        expect(used.slice(0, 3)).toEqual([`Lea ${buyer.email}`, "Standard", "Checked in"])
        expect(used[3]).toMatch(new RegExp(`by .+ at North gate ${RUN}$`))
        expect(await row(tickets[0].id).getByRole("link").getAttribute("href")).toMatch(new RegExp(`/orders/${orderId}$`))
        // The order as staff know it: its number.
        const { order } = await ok("order number", admin.get(`/admin/orders/${orderId}?fields=id,display_id`))
        await textOf(row(tickets[0].id).getByRole("link"), new RegExp(`^#${order.display_id}$`))
        expect((await cellsOf(row(tickets[1].id))).slice(2, 4)).toEqual(["Valid", "Not yet"])

        await main().getByRole("combobox", { name: "Status" }).click()
        await page.getByRole("option", { name: "Checked in" }).click()
        await page.waitForURL(/status=checked_in/)
        await row(tickets[1].id).waitFor({ state: "detached" })
        await row(tickets[0].id).waitFor()
        await main().getByRole("combobox", { name: "Status" }).click()
        await page.getByRole("option", { name: "All statuses" }).click()
        await page.getByRole("searchbox", { name: "Search tickets" }).fill("nobody-here")
        await textOf(main(), /No ticket matches\./)
        await page.getByRole("searchbox", { name: "Search tickets" }).fill(buyer.email)
        await row(tickets[1].id).waitFor()
        await step("tickets")
      })

      it("refunds the checked-in ticket only with the manager's override, showing the server's words", async () => {
        await row(tickets[0].id).getByRole("button", { name: "Refund" }).click()
        await textOf(drawer().getByLabel("Amount to refund"), /^Amount: 25\.00 EUR$/)
        await drawer().getByLabel("Reason").fill("Concert interrupted")
        await drawer().getByRole("button", { name: "Refund", exact: true }).click()
        await textOf(drawer().getByRole("alert").last(), /was used at the door[\s\S]*Refund anyway \(manager\)/)
        expect((await ticketOf(tickets[0].id)).status).toBe("checked_in")

        await drawer().getByRole("button", { name: "Refund anyway (manager)" }).click()
        await step("refund-override")
        await drawer().getByRole("group", { name: "Confirm the override" }).getByRole("button", { name: "Refund anyway", exact: true }).click()
        await toast("Ticket refunded").filter({ hasText: "25.00 EUR back to the payment of the order" }).waitFor({ timeout: 60_000 })
        await drawer().waitFor({ state: "hidden" })
        expect(await ticketOf(tickets[0].id)).toMatchObject({ status: "refunded", refunded_at: expect.any(String) })
        const { order } = await ok("order", admin.get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.refunds.amount`))
        const refunds = order.payment_collections.flatMap((pc: { payments: Array<{ refunds: Array<{ amount: number }> }> }) =>
          pc.payments.flatMap((p) => p.refunds ?? [])
        )
        expect(refunds.map((r: { amount: number }) => Number(r.amount))).toEqual([25])
        await textOf(row(tickets[0].id), /Refunded/)
        expect(await row(tickets[0].id).getByRole("button").count()).toBe(0)
      })

      it("cancels the other ticket with a required reason", async () => {
        await row(tickets[1].id).getByRole("button", { name: "Cancel" }).click()
        await drawer().getByRole("button", { name: "Cancel ticket" }).click()
        await textOf(drawer(), /A reason is required/)
        await drawer().getByLabel("Reason").fill("Bought twice by mistake")
        await drawer().getByRole("button", { name: "Cancel ticket" }).click()
        await toast("Ticket cancelled").waitFor({ timeout: 30_000 })
        await textOf(row(tickets[1].id), /Cancelled[\s\S]*Bought twice by mistake/)
        expect(await ticketOf(tickets[1].id)).toMatchObject({ status: "cancelled", cancel_reason: "Bought twice by mistake" })
        await textOf(main().getByLabel("Ticket counts"), /2 issued · 0 valid · 0 checked in · 1 cancelled · 1 refunded/)
      })

      it("lists the order's tickets on Medusa's order page, linked to their event", async () => {
        await page.goto(`${base}/app/orders/${orderId}`)
        const widget = page.getByRole("region", { name: "Tickets" })
        await textOf(widget, /2 tickets issued for this order/, 60_000)
        await textOf(widget.locator(`tr[data-ticket-id="${tickets[0].id}"]`), new RegExp(`Jazz night ${RUN}\\s+Standard\\s+Lea\\s+Refunded`))
        await textOf(widget.locator(`tr[data-ticket-id="${tickets[1].id}"]`), /Cancelled/)
        await widget.scrollIntoViewIfNeeded()
        await step("order-widget")
        await widget.getByRole("link", { name: `Jazz night ${RUN}` }).first().click()
        await page.waitForURL(new RegExp(`/app/cashless/events/${event.id}$`))
      })

      it("shows no Tickets section on an order without tickets", async () => {
        // An order of the demo seed without tickets (a till sale, a top-up).
        const { orders } = await ok("orders", admin.get("/admin/orders?fields=id&limit=50"))
        let plain: string | undefined
        for (const o of orders as Array<{ id: string }>) {
          if (!(await ok("order tickets", admin.get(`/admin/cashless/tickets?order_id=${o.id}`))).count) {
            plain = o.id
            break
          }
        }
        expect(plain).toBeDefined()
        // The section would appear once its list came back: wait for that answer, then look.
        const listed = page.waitForResponse((r) => r.url().includes("/admin/cashless/tickets?") && r.url().includes(plain!), { timeout: 60_000 })
        await page.goto(`${base}/app/orders/${plain}`)
        const answer = await listed
        expect(answer.status()).toBe(200)
        expect((await answer.json()).tickets).toEqual([])
        await page.getByRole("heading", { level: 2 }).first().waitFor({ timeout: 60_000 })
        await page.waitForTimeout(500)
        expect(await page.getByRole("region", { name: "Tickets" }).count()).toBe(0)
      })
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
