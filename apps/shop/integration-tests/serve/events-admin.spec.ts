/**
 * The Events admin pages on `npm run serve` (production build, fresh embedded database), in
 * headless Chromium: Cashless → Events, an event created through its drawer on a product whose
 * variants are the ticket types (the server's refusal shown in the drawer), its page, its edit
 * and archive. Every step is checked against the admin API.
 */
import { randomUUID } from "node:crypto"
import type { Browser, Locator, Page } from "playwright-core"
import { adminHttp, type AdminHttp } from "../helpers/admin-http"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium } from "../helpers/browser"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
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
      await textOf(drawer(), /Pick the product[\s\S]*A name is required[\s\S]*When the event starts[\s\S]*A whole number of tickets/)

      await drawer().getByRole("searchbox", { name: "Search products" }).fill(`Concert ${RUN}`)
      await drawer().getByRole("radio", { name: new RegExp(`Concert ${RUN}`) }).click()
      // The name starts as the product's title.
      expect(await drawer().getByLabel("Name").inputValue()).toBe(`Concert ${RUN}`)
      await textOf(drawer(), /Ticket types: Standard, VIP/)
      await drawer().getByLabel("Name").fill(`Summer night ${RUN}`)
      await drawer().getByLabel("Venue").fill("Main stage")
      await drawer().getByLabel("Starts").fill("2027-07-14T18:00")
      await drawer().getByLabel("Ends").fill("2027-07-14T17:00")
      await drawer().getByLabel("Capacity").fill("120")
      await drawer().getByRole("button", { name: "Create event" }).click()
      await textOf(drawer(), /The end must come after the start\./)
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
      await textOf(main(), /Ticket types\s+Standard, VIP/)
      await textOf(main(), /No ticket sold yet\./)
    })

    it("shows the server's refusal in the drawer: a product sells one event", async () => {
      await page.goto(`${base}/app/cashless/events`)
      await main().getByRole("button", { name: "Create event" }).click()
      await drawer().getByRole("searchbox", { name: "Search products" }).fill(`Concert ${RUN}`)
      await drawer().getByRole("radio", { name: new RegExp(`Concert ${RUN}`) }).click()
      await drawer().getByLabel("Starts").fill("2027-08-01T20:00")
      await drawer().getByLabel("Capacity").fill("50")
      await drawer().getByRole("button", { name: "Create event" }).click()
      const refusal = await textOf(drawer().getByRole("alert").last(), /\S/)
      expect(refusal).not.toMatch(/Internal|Unknown error/i)
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
      expect(await main().getByRole("row", { name: `event Summer night ${RUN}` }).count()).toBe(0)
      await main().getByRole("switch", { name: "Show archived events" }).click()
      await page.waitForURL(/archived=true/)
      await textOf(main().getByRole("row", { name: `event Summer night ${RUN}` }), /Archived/)
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
