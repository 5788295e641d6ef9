/**
 * Refunds on the wallet page (#6) on `npm run serve` (production build, fresh embedded database):
 * a customer tops up their wallet twice through checkout (store API, system payment provider),
 * then in headless Chromium staff see both top-ups with their order numbers, are refused an
 * amount above the refundable balance with the server's words, refund an amount spanning both
 * payments through the drawer (its answer lost once, retried with the same key) and see the
 * refund's two parts and the new balance; a provider refusal (502) offers Retry with the same key.
 * Screenshots go to apps/shop/.screenshots/ (helpers/browser.ts).
 */
import type { Browser, Locator, Page } from "playwright-core"
import { adminHttp, type AdminHttp } from "../helpers/admin-http"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium, screenshot } from "../helpers/browser"
import { eventually } from "../helpers/eventually"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
import { checkout, newCart, shopFixture, type Shop } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import { storeHttp } from "../helpers/store-http"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(600_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

type TopUp = { payment_id: string; order_id: string; order: { display_id: number } | null; refundable: number }
type Balance = { asset_code: string; balance: number }

describe("wallet refunds in the admin on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let base: string
  let admin: AdminHttp

  beforeAll(async () => {
    shop = await serveShop("cashless-wallet-refunds")
    ;({ run, base } = shop)
    const { email, password } = printed(run)
    admin = await adminHttp(base, email, password)
  })

  afterAll(async () => {
    await shop?.stop()
  })

  describeBrowser("the wallet page in headless Chromium", () => {
    let browser: Browser
    let page: Page
    let store: Shop
    let ines: StoreCustomer
    let walletId: string
    let first: TopUp
    let second: TopUp
    let firstKey = ""
    const pageErrors: string[] = []

    const main = () => page.locator("main")
    const drawer = () => page.getByRole("dialog")
    const toast = (text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text })
    const topUpsRegion = () => main().getByRole("region", { name: "Online top-ups" })
    const refundsRegion = () => main().getByRole("region", { name: "Refunds" })
    const balanceOf = (asset: string) => main().locator(`[data-asset="${asset}"]`)
    /** Polls until the locator's text matches: the page refetches after every write. */
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
    const walletOf = async () => (await admin.get(`/admin/cashless/customers/${ines.id}/wallet`)).data.wallet
    const balance = async () => ((await walletOf())?.balances as Balance[] | undefined)?.find((b) => b.asset_code === "EUR")?.balance ?? 0
    /** A top-up of the customer's own wallet through checkout, credited when the payment is captured. */
    const topUp = async (amount: number) => {
      const before = await balance()
      const cart = await newCart(store, ines)
      const started = await ines.post("/store/cashless/top-ups", { cart_id: cart, amount })
      if (started.status !== 201) throw new Error(`top-up: ${started.status} ${JSON.stringify(started.data)}`)
      const { order_id } = await checkout(ines, cart)
      expect(await eventually(balance, (b) => b === before + amount)).toBe(before + amount)
      return order_id
    }
    const refunds = async () => (await admin.get(`/admin/cashless/wallets/${walletId}/refunds`)).data.refunds as Array<Record<string, any>> // eslint-disable-line @typescript-eslint/no-explicit-any

    beforeAll(async () => {
      store = await shopFixture(admin, "refunds-ui")
      ines = await storeCustomer(storeHttp(base), store.publishable_key, "Ines")
      const firstOrder = await topUp(2000)
      const secondOrder = await topUp(1500)
      walletId = (await walletOf()).id
      const gift = await admin.post(`/admin/cashless/wallets/${walletId}/gift`, {
        amount: 500,
        reason: "welcome gift",
        idempotency_key: `gift-${walletId}`,
      })
      expect(gift.status).toBe(200)
      const topUps = (await admin.get(`/admin/cashless/wallets/${walletId}/top-ups`)).data.top_ups as TopUp[]
      ;[second, first] = topUps
      expect([second.order_id, first.order_id]).toEqual([secondOrder, firstOrder])
      expect(first.order?.display_id).toEqual(expect.any(Number))

      browser = await launchChromium()
      // Tall enough for the whole wallet page: the admin scrolls an inner panel, which a full-page shot does not unroll.
      page = await browser.newPage({ viewport: { width: 1440, height: 1700 } })
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

    it("shows both top-ups newest first with their order numbers, and no refund yet", async () => {
      await page.goto(`${base}/app/cashless/wallets/${walletId}`)
      await textOf(balanceOf("EUR"), /35\.00 EUR/)
      const rows = topUpsRegion().locator("tr[data-payment-id]")
      await textOf(topUpsRegion(), new RegExp(`#${first.order!.display_id}`))
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-payment-id")))).toEqual([
        second.payment_id,
        first.payment_id,
      ])
      expect(await rows.nth(0).innerText()).toMatch(
        new RegExp(`#${second.order!.display_id}\\s+…\\w{8}\\s+15\\.00 EUR\\s+0\\.00 EUR\\s+15\\.00 EUR`)
      )
      expect(await rows.nth(1).innerText()).toMatch(
        new RegExp(`#${first.order!.display_id}\\s+…\\w{8}\\s+20\\.00 EUR\\s+0\\.00 EUR\\s+20\\.00 EUR`)
      )
      const orderLink = rows.nth(0).getByRole("link", { name: `#${second.order!.display_id}` })
      expect(await orderLink.getAttribute("href")).toBe(`/app/orders/${second.order_id}`)
      await textOf(refundsRegion(), /Nothing has been refunded from this wallet yet\./)
      await screenshot(page, "wallet-refunds-1-top-ups")
    })

    it("shows the limits and the server's refusal for an amount above the refundable balance", async () => {
      await main().getByRole("button", { name: "Refund", exact: true }).click()
      await textOf(drawer(), /Refundable online: 35\.00 EUR\s+Refundable balance: 35\.00 EUR\s+At most 35\.00 EUR can be refunded here\./)
      await drawer().getByLabel("Amount").fill("40")
      await drawer().getByRole("button", { name: "Refund", exact: true }).click()
      await textOf(
        drawer().getByRole("alert"),
        /The wallet holds 35\.00 EUR of refundable money \(its 5\.00 EUR of gift credit is not refundable\): refund at most that\./
      )
      await screenshot(page, "wallet-refunds-2-refused")
      expect(await refunds()).toEqual([])
      expect(await balance()).toBe(3500)
    })

    it("refunds 25.00 across both payments; an answer lost once is retried with the same key and paid once", async () => {
      const sent: Array<Record<string, unknown>> = []
      let lost = false
      await page.route(`**/admin/cashless/wallets/${walletId}/refunds`, async (route) => {
        if (route.request().method() !== "POST") return route.continue()
        sent.push(route.request().postDataJSON())
        if (lost) return route.continue()
        // The server refunds, but its answer never reaches the browser.
        lost = true
        await route.fetch()
        await route.abort("connectionreset")
      })

      await drawer().getByLabel("Amount").fill("25,00")
      await drawer().getByLabel("Reason").fill("Leaving town")
      await drawer().getByRole("button", { name: "Refund", exact: true }).click()
      await textOf(drawer().getByRole("alert"), /No answer from the server/)
      expect(await drawer().getByLabel("Amount").isDisabled()).toBe(true)
      await screenshot(page, "wallet-refunds-3-no-answer")

      await drawer().getByRole("button", { name: "Retry" }).click()
      await toast("This refund was already sent").waitFor({ timeout: 30_000 })
      await drawer().waitFor({ state: "hidden" })
      await page.unroute(`**/admin/cashless/wallets/${walletId}/refunds`)

      expect(sent).toHaveLength(2)
      expect(sent[0]).toEqual({ amount: 2500, currency_code: "eur", reason: "Leaving town", idempotency_key: expect.stringMatching(UUID) })
      expect(sent[1]).toEqual(sent[0])
      firstKey = sent[0].idempotency_key as string
      const [refund] = await refunds()
      expect(refund).toMatchObject({ amount: 2500, refunded_amount: 2500, status: "succeeded", reason: "Leaving town" })
      expect(await refunds()).toHaveLength(1)

      await textOf(balanceOf("EUR"), /10\.00 EUR/)
      await textOf(balanceOf("EUR_GIFT"), /5\.00 EUR/)
      const row = refundsRegion().locator(`tr[data-refund-id="${refund.id}"]`)
      await textOf(row, /25\.00 EUR\s+25\.00 EUR\s+Succeeded\s+Leaving town\s+user:/)
      const parts = row.getByRole("list", { name: "Refund parts" }).locator("li")
      expect(await parts.allInnerTexts()).toEqual([
        expect.stringMatching(new RegExp(`^15\\.00 EUR →\\s*#${second.order!.display_id}\\s*…\\w{8}\\s*Paid$`)),
        expect.stringMatching(new RegExp(`^10\\.00 EUR →\\s*#${first.order!.display_id}\\s*…\\w{8}\\s*Paid$`)),
      ])
      const rows = topUpsRegion().locator("tr[data-payment-id]")
      await textOf(rows.nth(0), /15\.00 EUR\s+15\.00 EUR\s+0\.00 EUR\s*$/)
      await textOf(rows.nth(1), /20\.00 EUR\s+10\.00 EUR\s+10\.00 EUR\s*$/)
      // The refund's ledger entries are money the provider paid back: the history offers no Reverse on them.
      const refundEntries = main().locator("tr[data-entry-id]").filter({ hasText: "Leaving town" })
      expect(await refundEntries.count()).toBe(2)
      expect(await refundEntries.getByRole("button", { name: "Reverse" }).count()).toBe(0)
      await screenshot(page, "wallet-refunds-4-refunded")
    })

    it("shows a provider's refusal (502) and retries it with the same key", async () => {
      const sent: Array<Record<string, unknown>> = []
      let refused = false
      const message =
        "the payment provider refused the other 4.00 EUR (card expired). It is still in the wallet: retry with the same idempotency key to send it, or refund it in cash at a till."
      await page.route(`**/admin/cashless/wallets/${walletId}/refunds`, async (route) => {
        if (route.request().method() !== "POST") return route.continue()
        sent.push(route.request().postDataJSON())
        if (refused) return route.continue()
        // What the server answers when the provider refuses (the system provider never does).
        refused = true
        await route.fulfill({ status: 502, contentType: "application/json", body: JSON.stringify({ code: "refund_failed", message }) })
      })

      await main().getByRole("button", { name: "Refund", exact: true }).click()
      await textOf(drawer(), /Refundable online: 10\.00 EUR\s+Refundable balance: 10\.00 EUR/)
      await drawer().getByLabel("Amount").fill("4")
      await drawer().getByRole("button", { name: "Refund", exact: true }).click()
      await textOf(drawer().getByRole("alert"), /the payment provider refused the other 4\.00 EUR \(card expired\)[\s\S]*Retry sends only what has not gone back yet/)
      await screenshot(page, "wallet-refunds-5-provider-refused")

      await drawer().getByRole("button", { name: "Retry" }).click()
      await toast("Refund sent").waitFor({ timeout: 30_000 })
      await page.unroute(`**/admin/cashless/wallets/${walletId}/refunds`)
      expect(sent).toHaveLength(2)
      expect(sent[1]).toEqual(sent[0])
      expect(sent[0]).toMatchObject({ amount: 400, idempotency_key: expect.stringMatching(UUID) })
      await textOf(balanceOf("EUR"), /6\.00 EUR/)
      expect((await refunds()).map((r) => r.amount)).toEqual([400, 2500])
      // A new refund after a success: a new key, never the one of the refund before.
      expect(sent[0].idempotency_key).not.toBe(firstKey)
    })

    it("turns the Refund action off, saying why, once every online top-up has gone back", async () => {
      const rest = await admin.post(`/admin/cashless/wallets/${walletId}/refunds`, { amount: 600, idempotency_key: `rest-${walletId}` })
      expect(rest.status).toBe(200)
      await page.reload()
      await textOf(balanceOf("EUR"), /0\.00 EUR/)
      // Off while the top-ups load too ("Reading the online top-ups…"): wait for the reason itself.
      const blocked = main().locator(
        '[data-refund-blocked][title="Every online top-up has already gone back: what the wallet still holds is refunded in cash at a till."]'
      )
      await blocked.waitFor({ timeout: 30_000 })
      expect(await blocked.getByRole("button", { name: "Refund", exact: true }).isDisabled()).toBe(true)
      await textOf(refundsRegion(), /6\.00 EUR\s+6\.00 EUR\s+Succeeded\s+staff refund/)
      await screenshot(page, "wallet-refunds-6-all-refunded")
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
