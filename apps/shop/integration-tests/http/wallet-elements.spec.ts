import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser, Locator, Page } from "playwright-core"
import { launchChromium, screenshot } from "../helpers/browser"
import { registerCard } from "../helpers/cards"
import type { Db } from "../helpers/db"
import { eventually } from "../helpers/eventually"
import { expectLedgerVerified, ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { checkout, guest, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer } from "../helpers/store-customer"
import { staticPages, type StaticPages } from "../helpers/static-pages"

// <cashless-topup> as a partner embeds it: one script tag on a page of another origin, a
// publishable key, headless Chromium against the booted shop. The bundle is built from the
// sources here, so no dist/ left from an earlier build is tested.
jest.setTimeout(240_000)
delete process.env.REDIS_URL
// The partner page is served from 127.0.0.1 on a port known only once it listens: the shop
// accepts any such origin (Medusa reads /…/ in STORE_CORS as a regular expression).
process.env.STORE_CORS = "/^http:\\/\\/127\\.0\\.0\\.1:\\d+$/"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    let admin: LedgerClient
    let shop: Shop
    let partner: StaticPages
    let browser: Browser
    let page: Page
    let tmp: string

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "wallet-elements")
      tmp = await mkdtemp(path.join(os.tmpdir(), "cashless-elements-"))
      const script = path.resolve(__dirname, "../../../../packages/wallet-sdk/scripts/bundle-elements.mjs")
      const outfile = path.join(tmp, "cashless-elements.js")
      execFileSync(process.execPath, [script, outfile])
      const bundle = await readFile(outfile, "utf8")
      partner = await staticPages()
      partner.set("/cashless-elements.js", "text/javascript", bundle)
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
      await partner?.close()
      if (tmp) await rm(tmp, { recursive: true, force: true })
    })
    beforeEach(async () => {
      page = await browser.newPage()
    })
    afterEach(async () => {
      await page?.close()
      await expectLedgerVerified(admin)
    })

    /** A partner page with the component and its attributes; the page records the hand-over event. */
    const open = async (name: string, attrs: Record<string, string>, tag: "cashless-topup" | "cashless-wallet" = "cashless-topup") => {
      const attributes = Object.entries({ "publishable-key": shop.publishable_key, "base-url": baseUrl(), ...attrs })
        .map(([k, v]) => `${k}="${v.replace(/"/g, "&quot;")}"`)
        .join(" ")
      partner.set(
        `/${name}.html`,
        "text/html",
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner ${name}</title></head><body><main>
          <${tag} ${attributes}></${tag}></main>
          <script>window.started = []; document.addEventListener("cashless-topup-started", (e) => window.started.push(e.detail))</script>
          <script src="/cashless-elements.js"></script></body></html>`
      )
      await page.goto(`${partner.origin}/${name}.html`)
      return page.locator(tag)
    }

    /** The locator's text once it matches (the component answers after a request to the shop). */
    const shows = async (locator: Locator, pattern: RegExp) => {
      await locator.first().waitFor({ state: "visible", timeout: 60_000 })
      let text = ""
      for (let i = 0; i < 300; i++) {
        text = (await locator.first().innerText().catch(() => "")) ?? ""
        if (pattern.test(text)) return text
        await page.waitForTimeout(200)
      }
      throw new Error(`expected ${pattern} in: ${text}`)
    }

    /** axe-core on the component (it looks inside the shadow root): no serious or critical violation. */
    const accessible = async (screen: string, tag = "cashless-topup") => {
      await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") })
      const violations = await page.evaluate(async (tag) => {
        const axe = (window as unknown as { axe: { run: (ctx: string, opts: object) => Promise<{ violations: Array<Record<string, any>> }> } }).axe // eslint-disable-line @typescript-eslint/no-explicit-any
        const result = await axe.run(tag, { resultTypes: ["violations"] })
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help }))
      }, tag)
      expect([screen, violations.filter((v) => v.impact === "serious" || v.impact === "critical")]).toEqual([screen, []])
    }

    it("shows the balance and membership of a card by its QR token, and puts a top-up in a new cart", async () => {
      const card = await registerCard(admin, db, "Elements", "E")
      const visitor = guest(api, shop.publishable_key)
      const seed = await newCart(shop, visitor, "seed@example.com")
      await visitor.post("/store/cashless/top-ups", { cart_id: seed, amount: 2000, qr_token: card.qr_token })
      await checkout(visitor, seed)
      await eventually(
        async () => (await visitor.get(`/store/cashless/qr/${card.qr_token}`)).data.card.balances.length,
        (n) => n > 0
      )

      const topup = await open("known", { token: card.qr_token, lang: "en", "checkout-url": "/checkout?cart={cart_id}" })
      await shows(topup.locator("[part~=balance]").first(), /€20\.00/)
      await shows(topup.locator("[part~=membership]"), /^Membership: No membership$/)
      await accessible("card shown")
      await screenshot(page, "wallet-elements-card")

      // Keyboard only: into the amount field, type, Enter.
      await topup.getByLabel("Amount to add (EUR)").focus()
      await page.keyboard.type("12,50")
      await page.keyboard.press("Enter")
      await shows(topup.getByRole("status"), /A top-up of €12\.50 is in cart cart_/)
      const started = await page.evaluate(() => (window as unknown as { started: Array<{ cart_id: string; amount: number }> }).started)
      expect(started).toHaveLength(1)
      expect(started[0].amount).toBe(1250)
      expect(await topup.getByRole("link", { name: "Continue to the checkout" }).getAttribute("href")).toBe(`/checkout?cart=${started[0].cart_id}`)
      await screenshot(page, "wallet-elements-started")

      // The cart exists on the server, not paid (the partner's checkout does that) with the top-up line for this card, in the key's channel.
      const { rows } = await db.raw(`select id, sales_channel_id, currency_code, completed_at from cart where id = ?`, [started[0].cart_id])
      expect(rows).toEqual([{ id: started[0].cart_id, sales_channel_id: shop.sales_channel_id, currency_code: "eur", completed_at: null }])
      const { rows: lines } = await db.raw(`select unit_price, metadata from cart_line_item where cart_id = ? and deleted_at is null`, [started[0].cart_id])
      expect(lines).toHaveLength(1)
      expect(Number(lines[0].unit_price)).toBe(12.5)
      expect(lines[0].metadata).toMatchObject({ cashless_top_up: { kind: "card", card_id: card.id } })
    })

    it("says so, in the page's language, when no card has the token, and offers no top-up", async () => {
      const topup = await open("unknown", { lang: "fr" })
      await topup.getByLabel("Code de la carte (sous le QR code)").fill("no-such-token")
      await topup.getByRole("button", { name: "Voir la carte" }).click()
      const alert = topup.getByRole("alert")
      await shows(alert, /^Aucune carte n'a ce QR code\.$/)
      expect(await topup.locator("[part~=topup-form]").isHidden()).toBe(true)
      await accessible("unknown token")
      await screenshot(page, "wallet-elements-unknown")

      const en = await open("unknown-en", { lang: "en", token: "still-no-such-token" })
      await shows(en.getByRole("alert"), /^No card has this QR code\.$/)
    })

    it("refuses an amount that is not one, and shows the server's words for one out of limits", async () => {
      const card = await registerCard(admin, db, "Elements", "E")
      const topup = await open("limits", { token: card.qr_token, lang: "en" })
      const amount = topup.getByLabel("Amount to add (EUR)")
      await amount.waitFor()
      await amount.fill("twelve")
      await topup.getByRole("button", { name: "Add the top-up to a cart" }).click()
      await shows(topup.getByRole("alert"), /Type an amount such as 20 or 12\.50\./)
      expect(await amount.getAttribute("aria-invalid")).toBe("true")

      await amount.fill("4.99")
      await topup.getByRole("button", { name: "Add the top-up to a cart" }).click()
      await shows(topup.getByRole("alert"), /from 5\.00 EUR to 500\.00 EUR/)
    })

    it("<cashless-wallet>: logs in, shows balance and history, links a card, declares it lost and starts a top-up", async () => {
      const ana = await storeCustomer(api, shop.publishable_key, "Ana")
      const own = await newCart(shop, ana)
      expect((await ana.post("/store/cashless/top-ups", { cart_id: own, amount: 3000 })).status).toBe(201)
      await checkout(ana, own)
      await eventually(async () => (await ana.get("/store/cashless/me/wallet")).data.wallet?.balances?.length ?? 0, (n) => n > 0)
      const card = await registerCard(admin, db, "Elements", "E")

      const wallet = await open("wallet", { lang: "en", "checkout-url": "/checkout?cart={cart_id}" }, "cashless-wallet")
      await wallet.getByLabel("Email").fill(ana.email)
      await wallet.getByLabel("Password").fill("a long enough password")
      await wallet.getByLabel("Password").press("Enter")
      await shows(wallet.locator("[part~=balance]"), /€30\.00/)
      await shows(wallet.locator("[part~=history]"), /Top-up\s+€30\.00/)
      await shows(wallet.locator("[part~=membership]"), /^Membership: No membership$/)
      await accessible("wallet", "cashless-wallet")
      await screenshot(page, "wallet-elements-wallet")

      await wallet.getByLabel("Code under the QR code").fill(card.qr_token)
      await wallet.getByLabel("Number printed on the card").fill(card.printed_number)
      await wallet.getByRole("button", { name: "Link the card" }).click()
      await shows(wallet.getByRole("status"), new RegExp(`Card ${card.printed_number} is linked`))
      await shows(wallet.locator("[part~=cards]"), new RegExp(`${card.printed_number} — active`))

      page.once("dialog", (dialog) => void dialog.accept())
      await wallet.getByRole("button", { name: `Declare card ${card.printed_number} lost` }).click()
      await shows(wallet.getByRole("status"), new RegExp(`Card ${card.printed_number} is declared lost\\.`))
      await shows(wallet.locator("[part~=cards]"), new RegExp(`${card.printed_number} — lost`))
      expect((await guest(api, shop.publishable_key).get(`/store/cashless/qr/${card.qr_token}`)).data.card).toMatchObject({ status: "lost", usable: false })

      await wallet.getByLabel("Amount to add (EUR)").fill("20")
      await wallet.getByRole("button", { name: "Add the top-up to a cart" }).click()
      await shows(wallet.getByRole("status"), /A top-up of €20\.00 is in cart cart_/)
      const started = await page.evaluate(() => (window as unknown as { started: Array<{ cart_id: string }> }).started)
      const { rows: lines } = await db.raw(`select metadata from cart_line_item where cart_id = ? and deleted_at is null`, [started[0].cart_id])
      expect(lines).toEqual([{ metadata: expect.objectContaining({ cashless_top_up: expect.objectContaining({ kind: "customer", customer_id: ana.id }) }) }])
      await screenshot(page, "wallet-elements-wallet-done")

      await wallet.getByRole("button", { name: "Log out" }).click()
      expect(await wallet.getByLabel("Email").isVisible()).toBe(true)
      expect(await wallet.locator("[part~=wallet]").isHidden()).toBe(true)
    })
  },
})
