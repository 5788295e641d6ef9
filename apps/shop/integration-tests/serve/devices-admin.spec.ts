/**
 * Cashless → Devices (#9) on `npm run serve` (production build, fresh embedded database) in
 * headless Chromium: the demo's readers at the café bar, a manager pairing a reader (the code
 * shown, then used by an agent over HTTP), the café bar's cashier receiving its taps on a till
 * in remote mode, and the reader revoked (its token refused at once). Screenshots go to
 * apps/shop/.screenshots/ (helpers/browser.ts).
 */
import { randomUUID } from "node:crypto"
import type { Browser, Locator, Page } from "playwright-core"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium, screenshot } from "../helpers/browser"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(600_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })
const RUN = randomUUID().slice(0, 6)
const MANAGER_EMAIL = "manager@cashless.local"
const CASHIER_EMAIL = "cashier@cashless.local"
/** Demo card N° 0001 (seed-demo-cards.ts): anonymous, a member. */
const CARD_0001 = "04DE4D00000001"

describe("devices in the admin on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let base: string

  const agent = async (path: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, data: (await res.json()) as Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  beforeAll(async () => {
    shop = await serveShop("cashless-devices-admin")
    ;({ run, base } = shop)
  })

  afterAll(async () => {
    await shop?.stop()
  })

  describeBrowser("the Devices page and a remote till in headless Chromium", () => {
    let browser: Browser
    let page: Page
    let token = ""
    const name = `Tablet reader ${RUN}`
    const pageErrors: string[] = []

    const main = () => page.locator("main")
    const bar = () => main().getByLabel("readers of Café bar")
    const textOf = async (locator: Locator, pattern: RegExp, timeout = 30_000) => {
      const deadline = Date.now() + timeout
      let text = ""
      while (Date.now() < deadline) {
        text = (await locator.innerText().catch(() => "")) ?? ""
        if (pattern.test(text)) return text
        await locator.page().waitForTimeout(200)
      }
      throw new Error(`expected ${pattern} in: ${text}`)
    }
    const logIn = async (p: Page, email: string) => {
      await p.goto(`${base}/app/login`)
      await p.fill('input[name="email"]', email)
      await p.fill('input[name="password"]', printed(run).password)
      await p.click('button[type="submit"]')
      await p.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
    }

    beforeAll(async () => {
      browser = await launchChromium()
      page = await (await browser.newContext({ viewport: { width: 1440, height: 1100 } })).newPage()
      page.on("pageerror", (err) => pageErrors.push(err.message))
      await logIn(page, MANAGER_EMAIL)
    })
    afterAll(async () => {
      await browser?.close()
    })

    it("lists the demo's reader at the café bar, and the revoked one behind the filter", async () => {
      await page.goto(`${base}/app/cashless`)
      await page.getByRole("link", { name: "Devices", exact: true }).first().click()
      await page.waitForURL(/\/app\/cashless\/devices$/)
      await textOf(bar().getByRole("row", { name: "reader Bar counter" }), /Bar counter\s+Café bar · agent 0\.1\.0[\s\S]+by Malik Manager[\s\S]+ago[\s\S]+Card service ok\s+ACS ACR122U/)
      expect(await bar().getByRole("row", { name: "reader Old bar reader" }).count()).toBe(0)
      await main().getByRole("combobox", { name: "Show readers" }).click()
      await page.getByRole("option", { name: "Revoked", exact: true }).click()
      await textOf(bar().getByRole("row", { name: "reader Old bar reader" }), /Revoked/)
      await screenshot(page, "devices-1-revoked-filter")
      await page.goto(`${base}/app/cashless/devices`)
    })

    it("pairs a reader: the code is shown with the command, an agent uses it, the reader appears online", async () => {
      await bar().getByRole("button", { name: "Pair a reader" }).click()
      const drawer = page.getByRole("dialog")
      await drawer.getByLabel("Reader name").fill(name)
      await drawer.getByRole("button", { name: "Create pairing code" }).click()
      const shown = drawer.getByLabel("Pairing code")
      await shown.waitFor({ timeout: 30_000 })
      const code = (await shown.getAttribute("data-code"))!
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
      expect(await drawer.getByLabel("Command to pair").innerText()).toBe(`cashless-reader pair ${base} ${code}`)
      await textOf(drawer, /Single use, expires in \d+:\d{2}\. Waiting for the reader…/)
      await screenshot(page, "devices-2-pairing-code")

      const paired = await agent("/cashless/devices/pair", null, { code, agent_version: "0.1.0" })
      expect(paired.status).toBe(201)
      expect(paired.data.device).toMatchObject({ name, point_of_sale: { name: "Café bar" } })
      token = paired.data.token
      expect((await agent("/cashless/devices/me/status", token, { readers: ["ACS ACR122U"], pcsc: "ok" })).status).toBe(200)
      await textOf(drawer, new RegExp(`${name} is paired: its taps now reach the tills of Café bar\\.`))
      await drawer.getByRole("button", { name: "Done" }).click()
      await textOf(bar().getByRole("row", { name: `reader ${name}` }), /Online · just now[\s\S]+Card service ok\s+ACS ACR122U/)
      await screenshot(page, "devices-3-paired")
    })

    it("brings the reader's taps to the café bar's till in remote mode", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const till = await context.newPage()
      till.on("pageerror", (err) => pageErrors.push(err.message))
      try {
        await logIn(till, CASHIER_EMAIL)
        await till.goto(`${base}/app/cashless/till`)
        const screen = till.locator("[data-till]")
        await screen.getByRole("button", { name: /Reader settings/ }).click()
        const settings = screen.locator('[data-testid="reader-settings"]')
        await settings.getByLabel("Paired readers of this point of sale (through the server)").click()
        await settings.getByRole("button", { name: "Save" }).click()
        expect(await till.evaluate(() => localStorage.getItem("cashless.till.reader-source"))).toBe("remote")
        // The reader paired above, and the demo's "Bar counter" while its seeded heartbeat is under 90 s old: a
        // shop that serves the run's shared build (CASHLESS_PREBUILT) starts fast enough to get here before then.
        await textOf(screen.locator('[data-testid="reader-status"]'), /Remote readers: [12] online/)

        await screen.getByRole("button", { name: "Check card" }).click()
        await screen.locator('[data-testid="card-wait"]').waitFor({ timeout: 30_000 })
        const tapped = await agent(`/cashless/tills/${(await agent("/cashless/devices/me", token)).data.device.point_of_sale.id}/taps`, token, {
          tap_id: randomUUID(),
          uid: CARD_0001.toLowerCase(),
          at: new Date().toISOString(),
        })
        expect(tapped).toEqual({ status: 202, data: { delivered: 1 } })
        await textOf(screen.locator('[data-testid="check-result"] [data-testid="holder-name"]'), /Anonymous card N° 0001/)
        await screenshot(till, "devices-4-remote-till")
      } finally {
        await context.close()
      }
    })

    it("revokes the reader after confirmation: shown revoked, its token refused", async () => {
      await page.reload()
      await bar().getByRole("row", { name: `reader ${name}` }).getByRole("button", { name: "Revoke" }).click()
      const prompt = page.getByRole("alertdialog")
      await textOf(prompt, new RegExp(`Revoke ${name}\\?[\\s\\S]+Its taps will be refused at once`))
      await prompt.getByRole("button", { name: "Revoke" }).click()
      await page.locator("[data-sonner-toast]").filter({ hasText: `${name} revoked` }).waitFor({ timeout: 30_000 })
      await textOf(bar(), new RegExp(`^(?![\\s\\S]*${name})`))

      const refused = await agent("/cashless/devices/me", token)
      expect(refused).toMatchObject({ status: 401, data: { code: "device_revoked", message: "This reader was revoked in Cashless → Devices: pair it again." } })

      await main().getByRole("combobox", { name: "Show readers" }).click()
      await page.getByRole("option", { name: "Revoked", exact: true }).click()
      await textOf(bar().getByRole("row", { name: `reader ${name}` }), /Revoked[\s\S]+by Malik Manager/)
      await screenshot(page, "devices-5-revoked")
    })

    it("raised no error in the pages", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
