/**
 * Cashless → Points of sale (#8) on `npm run serve` (production build, fresh embedded database)
 * in headless Chromium: the demo's café bar (open) and festival gate, a point of sale created
 * and edited through the drawer (a refused name shown in the server's words), a session opened
 * and closed over the admin API and then listed with its cash and its Ticket Z (the page to
 * print, fetched with the admin's cookie and opened in a new tab), archiving, and what a cashier
 * is shown. Screenshots go to apps/shop/.screenshots/ (helpers/browser.ts).
 */
import { randomUUID } from "node:crypto"
import type { Browser, BrowserContext, Locator, Page } from "playwright-core"
import { adminHttp, type AdminHttp } from "../helpers/admin-http"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium, screenshot } from "../helpers/browser"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(600_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })
const RUN = randomUUID().slice(0, 6)
const CASHIER_EMAIL = "cashier@cashless.local"

type PointOfSale = { id: string; name: string; sales_channel_id: string; category_ids: string[] | null; tenders: string[]; archived_at: string | null }

describe("points of sale in the admin on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let base: string
  let admin: AdminHttp

  beforeAll(async () => {
    shop = await serveShop("cashless-pos-admin")
    ;({ run, base } = shop)
    const { email, password } = printed(run)
    admin = await adminHttp(base, email, password)
  })

  afterAll(async () => {
    await shop?.stop()
  })

  describeBrowser("the Points of sale pages in headless Chromium", () => {
    let browser: Browser
    let context: BrowserContext
    let page: Page
    let posId = ""
    const name = `Beach bar ${RUN}`
    const pageErrors: string[] = []

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
    const row = (pos: string) => main().getByRole("row", { name: `point of sale ${pos}` })
    const pointOfSale = async (id: string) => (await admin.get(`/admin/cashless/points-of-sale/${id}`)).data.point_of_sale as PointOfSale
    const channelId = async (channel: string) =>
      ((await admin.get(`/admin/sales-channels?name=${channel}`)).data.sales_channels as Array<{ id: string }>)[0].id
    const logIn = async (p: Page, email: string) => {
      await p.goto(`${base}/app/login`)
      await p.fill('input[name="email"]', email)
      await p.fill('input[name="password"]', printed(run).password)
      await p.click('button[type="submit"]')
      await p.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
    }
    const choose = async (label: string, option: string) => {
      await drawer().getByRole("combobox", { name: label }).click()
      await page.getByRole("option", { name: option, exact: true }).click()
    }

    beforeAll(async () => {
      browser = await launchChromium()
      context = await browser.newContext({ viewport: { width: 1440, height: 1100 } })
      page = await context.newPage()
      page.on("pageerror", (err) => pageErrors.push(err.message))
      await logIn(page, printed(run).email)
    })
    afterAll(async () => {
      await browser?.close()
    })

    it("lists the demo's café bar, open with its float, and the festival gate, closed", async () => {
      await page.getByRole("link", { name: "Cashless" }).click()
      await page.waitForURL(/\/app\/cashless$/)
      await page.getByRole("link", { name: "Points of sale", exact: true }).click()
      await page.waitForURL(/\/app\/cashless\/points-of-sale$/)
      await textOf(row("Café bar"), /Open/)
      const bar = await row("Café bar").innerText()
      expect(bar).toMatch(/Café bar\s+Bar\s+France \(FR\) · EUR\s+Cashless card\s+Cash\s+Card terminal\s+Open\s+Since .+ by demo-seed \(system\)\s+Float 150\.00 EUR/)
      expect(await row("Festival gate").innerText()).toMatch(/Festival gate\s+Shop\s+France \(FR\) · EUR[\s\S]+Closed/)
      expect(await main().getByRole("button", { name: "Create point of sale" }).isVisible()).toBe(true)
      await screenshot(page, "points-of-sale-1-list")
    })

    it("creates a point of sale through the drawer; a refused name is shown in the server's words", async () => {
      await main().getByRole("button", { name: "Create point of sale" }).click()
      await drawer().getByRole("button", { name: "Create point of sale" }).click()
      await textOf(drawer(), /A name is required[\s\S]*Choose the sales channel[\s\S]*A 2-letter country code/)

      await drawer().getByLabel("Name").fill("Café bar")
      await choose("Sales channel", "Bar")
      await drawer().getByLabel("Country").fill("FR")
      await drawer().getByRole("checkbox", { name: "Drinks" }).click()
      await drawer().getByRole("checkbox", { name: "Card terminal" }).click()
      // Each complaint went when its field was filled in.
      expect(await drawer().getByRole("alert").count()).toBe(0)
      await screenshot(page, "points-of-sale-2-create-drawer")
      await drawer().getByRole("button", { name: "Create point of sale" }).click()
      await textOf(drawer(), /A point of sale is already called "Café bar"\./)
      await screenshot(page, "points-of-sale-3-refused")

      await drawer().getByLabel("Name").fill(name)
      await drawer().getByRole("button", { name: "Create point of sale" }).click()
      await toast(`${name} created`).waitFor({ timeout: 30_000 })
      await page.waitForURL(/\/app\/cashless\/points-of-sale\/pos_\w+$/)
      posId = page.url().split("/").pop()!
      await textOf(main().getByRole("heading", { level: 1 }), new RegExp(`^${name}$`))
      await textOf(main(), /Sales channel\s+Bar\s+Country\s+France \(FR\)\s+Currency\s+EUR\s+Products\s+Categories: Drinks\s+Tenders\s+Cashless card\s+Cash\s+Till\s+Closed/)
      await textOf(main(), /No session yet/)

      const saved = await pointOfSale(posId)
      const drinks = ((await admin.get("/admin/product-categories?handle=drinks")).data.product_categories as Array<{ id: string }>)[0].id
      expect(saved).toMatchObject({ name, sales_channel_id: await channelId("Bar"), country_code: "fr", currency_code: "eur", category_ids: [drinks], collection_ids: null, tenders: ["wallet", "cash"] })
      await screenshot(page, "points-of-sale-4-created")
    })

    it("edits it: another name, another channel, the card terminal too", async () => {
      await main().getByRole("button", { name: "Edit" }).click()
      expect(await drawer().getByLabel("Name").inputValue()).toBe(name)
      expect(await drawer().getByRole("checkbox", { name: "Drinks" }).getAttribute("aria-checked")).toBe("true")
      await drawer().getByLabel("Name").fill(`${name} north`)
      await choose("Sales channel", "Shop")
      await drawer().getByRole("checkbox", { name: "Card terminal" }).click()
      await drawer().getByRole("button", { name: "Save" }).click()
      await toast(`${name} north saved`).waitFor({ timeout: 30_000 })
      await drawer().waitFor({ state: "hidden" })
      await textOf(main().getByRole("heading", { level: 1 }), new RegExp(`^${name} north$`))
      await textOf(main(), /Sales channel\s+Shop[\s\S]*Tenders\s+Cashless card\s+Cash\s+Card terminal/)
      expect(await pointOfSale(posId)).toMatchObject({ name: `${name} north`, sales_channel_id: await channelId("Shop"), tenders: ["wallet", "cash", "card_terminal"] })
    })

    it("shows a session opened and closed over the admin API, with its cash and its Ticket Z", async () => {
      const opened = await admin.post(`/admin/cashless/tills/${posId}/sessions`, { opening_float: 2000 })
      expect(opened.status).toBe(201)
      const sessionId = opened.data.session.id as string
      await page.reload()
      await textOf(main(), /Till\s+Open\s+Since .+ by .+\s+Float 20\.00 EUR/)
      const sessionRow = main().locator(`tr[data-session-id="${sessionId}"]`)
      await textOf(sessionRow, /Open\s+20\.00 EUR\s+—\s+—\s+—\s+Written at the close/)
      await screenshot(page, "points-of-sale-5-open-session")

      // 50 cents short in the drawer.
      expect((await admin.post(`/admin/cashless/tills/${posId}/sessions/${sessionId}/close`, { counted_cash: 1950 })).status).toBe(200)
      await page.reload()
      await textOf(main(), /Till\s+Closed/)
      await textOf(sessionRow, /20\.00 EUR\s+20\.00 EUR\s+19\.50 EUR\s+-0\.50 EUR \(short\)/)
      expect(await sessionRow.locator("[data-difference]").getAttribute("class")).toContain("text-ui-tag-red-text")

      const print = sessionRow.getByRole("link", { name: /^Ticket Z .+, to print \(opens in a new tab\)$/ })
      const href = `/admin/cashless/tills/${posId}/sessions/${sessionId}/ticket-z?format=html`
      expect(await print.getAttribute("href")).toBe(href)
      expect(await print.getAttribute("target")).toBe("_blank")
      expect(await sessionRow.getByRole("link", { name: /as CSV$/ }).getAttribute("href")).toBe(href.replace("format=html", "format=csv"))
      await screenshot(page, "points-of-sale-6-closed-session")

      // The admin's session cookie is the login, as for the new tab.
      const fetched = await page.evaluate(async (url) => {
        const res = await fetch(url, { credentials: "include" })
        return { status: res.status, type: res.headers.get("content-type"), text: await res.text() }
      }, href)
      expect(fetched.status).toBe(200)
      expect(fetched.type).toMatch(/^text\/html/)
      expect(fetched.text).toMatch(/Ticket Z/)
      expect(fetched.text).toContain(`${name} north`)
      expect(fetched.text).toMatch(/19\.50/)

      const [tab] = await Promise.all([context.waitForEvent("page"), print.click()])
      await tab.waitForLoadState()
      expect(tab.url()).toBe(`${base}${href}`)
      expect(await tab.locator("body").innerText()).toMatch(/Ticket Z/)
      await screenshot(tab, "points-of-sale-7-ticket-z")
      await tab.close()
    })

    it("archives it: gone from the points of sale in use, listed under Archived", async () => {
      await main().getByRole("button", { name: "Archive" }).click()
      await toast(`${name} north archived`).waitFor({ timeout: 30_000 })
      await textOf(main(), /Archived on .+: this till opens no session and sells nothing\./)
      expect((await pointOfSale(posId)).archived_at).not.toBeNull()
      await screenshot(page, "points-of-sale-8-archived")
      // The till refuses it now.
      expect((await admin.post(`/admin/cashless/tills/${posId}/sessions`, { opening_float: 0 })).status).toBe(404)

      await main().getByRole("link", { name: "← Points of sale" }).click()
      await textOf(row("Café bar"), /Open/)
      expect(await row(`${name} north`).count()).toBe(0)
      await main().getByRole("combobox", { name: "Show points of sale" }).click()
      await page.getByRole("option", { name: "Archived", exact: true }).click()
      await page.waitForURL(/show=archived/)
      await textOf(row(`${name} north`), /Archived/)
      expect(await main().locator("tbody tr").count()).toBe(1)
      await screenshot(page, "points-of-sale-9-archived-list")

      await row(`${name} north`).getByRole("link").click()
      await main().getByRole("button", { name: "Unarchive" }).click()
      await toast(`${name} north back in use`).waitFor({ timeout: 30_000 })
      expect((await pointOfSale(posId)).archived_at).toBeNull()
    })

    it("tells a cashier that points of sale are an admin's, and shows the server's refusal of the sessions", async () => {
      const cashierContext = await browser.newContext({ viewport: { width: 1440, height: 1100 } })
      const cashier = await cashierContext.newPage()
      cashier.on("pageerror", (err) => pageErrors.push(err.message))
      try {
        await logIn(cashier, CASHIER_EMAIL)
        await cashier.goto(`${base}/app/cashless/points-of-sale`)
        const list = cashier.locator("main")
        await list.getByText("You are a cashier: only a cashless admin can create, change or archive points of sale.").waitFor({ timeout: 30_000 })
        expect(await list.getByRole("button", { name: "Create point of sale" }).count()).toBe(0)
        await list.getByRole("row", { name: "point of sale Café bar" }).getByRole("link").click()
        await cashier.waitForURL(/\/app\/cashless\/points-of-sale\/pos_\w+$/)
        await list.getByText("Only a manager or an admin can list a till's sessions.").waitFor({ timeout: 30_000 })
        expect(await list.getByRole("button", { name: "Edit" }).count()).toBe(0)
        await screenshot(cashier, "points-of-sale-10-cashier")
      } finally {
        await cashierContext.close()
      }
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
