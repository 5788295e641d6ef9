/**
 * The wallet ledger's admin UI on `npm run serve` (production build, fresh embedded database):
 * the customer-wallet route over HTTP, then Cashless → Wallets, a wallet's page (adjust, gift,
 * reverse, history by cursor), Verify ledger and the customer widget in headless Chromium.
 * Wallets are created and credited through the admin API first, as a till or a top-up would.
 */
import { randomUUID } from "node:crypto"
import { Client } from "pg"
import type { Browser, Locator, Page } from "playwright-core"
import { adminHttp, type AdminHttp } from "../helpers/admin-http"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium } from "../helpers/browser"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(600_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
/** Shared by the wallets of one run, so searches find only this run's wallets. */
const RUN = randomUUID().slice(0, 8)

type HistoryItem = { entry_id: string; kind: string; amount: number; asset_code: string; reason: string | null }

describe("wallet admin UI on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let base: string
  let pgPort: number
  let admin: AdminHttp

  const createWallet = async (body: Record<string, unknown>) => {
    const res = await admin.post("/admin/cashless/wallets", body)
    if (res.status !== 201) throw new Error(`create wallet: ${res.status} ${JSON.stringify(res.data)}`)
    return res.data.wallet.id as string
  }
  const credit = async (walletId: string, amount: number) => {
    const res = await admin.post(`/admin/cashless/wallets/${walletId}/credit`, {
      amount,
      source: "online_payments",
      idempotency_key: randomUUID(),
    })
    if (res.status !== 200) throw new Error(`credit: ${res.status} ${JSON.stringify(res.data)}`)
  }
  const createCustomer = async (first_name: string) => {
    const res = await admin.post("/admin/customers", {
      email: `${first_name.toLowerCase()}-${RUN}@example.com`,
      first_name,
      last_name: "Tester",
    })
    if (res.status !== 200) throw new Error(`create customer: ${res.status} ${JSON.stringify(res.data)}`)
    return res.data.customer as { id: string; email: string }
  }
  const history = async (walletId: string): Promise<HistoryItem[]> =>
    (await admin.get(`/admin/cashless/wallets/${walletId}/history?limit=200`)).data.items

  beforeAll(async () => {
    shop = await serveShop("cashless-wallet-admin")
    ;({ run, base, pgPort } = shop)
    const { email, password } = printed(run)
    admin = await adminHttp(base, email, password)
  })

  afterAll(async () => {
    await shop?.stop()
  })

  describe("GET /admin/cashless/customers/:id/wallet", () => {
    it("answers null before the customer has a wallet, then that wallet with its holder and balances", async () => {
      const customer = await createCustomer("Route")
      const before = await admin.get(`/admin/cashless/customers/${customer.id}/wallet`)
      expect(before).toEqual({ status: 200, data: { wallet: null } })

      const walletId = await createWallet({ customer_id: customer.id, label: `Route ${RUN}` })
      await credit(walletId, 425)
      const after = await admin.get(`/admin/cashless/customers/${customer.id}/wallet`)
      expect(after.status).toBe(200)
      expect(after.data.wallet).toMatchObject({
        id: walletId,
        label: `Route ${RUN}`,
        customer: { id: customer.id, email: customer.email, name: "Route Tester" },
      })
      expect(new Date(after.data.wallet.created_at).getTime()).not.toBeNaN()
      expect(after.data.wallet.balances).toEqual(
        expect.arrayContaining([
          { asset_code: "EUR", kind: "fiat", currency_code: "eur", balance: 425 },
          { asset_code: "EUR_GIFT", kind: "gift", currency_code: "eur", balance: 0 },
        ])
      )
    })

    it("answers 404 for an unknown customer and 401 without a session", async () => {
      const unknown = await admin.get("/admin/cashless/customers/cus_does_not_exist/wallet")
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("Customer cus_does_not_exist not found.")
      const anonymous = await fetch(`${base}/admin/cashless/customers/cus_does_not_exist/wallet`)
      expect(anonymous.status).toBe(401)
    })
  })

  describeBrowser("the wallet pages in headless Chromium", () => {
    let browser: Browser
    let page: Page
    const pageErrors: string[] = []
    const label = `Bar card ${RUN}`
    let walletId: string

    const main = () => page.locator("main")
    const toast = (text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text })
    const historyRows = () => main().locator("tr[data-entry-id]")
    const balanceOf = (asset: string) => main().locator(`[data-asset="${asset}"]`)
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
    const drawer = () => page.getByRole("dialog")
    /**
     * Toasts stack at the bottom right, over the rows' Reverse buttons, and a pointer resting
     * on them (where the drawer's submit button was) pauses their timers: move away and wait.
     */
    const toastsGone = async () => {
      await page.mouse.move(400, 100)
      const deadline = Date.now() + 30_000
      while ((await page.locator("[data-sonner-toast]").count()) > 0) {
        if (Date.now() > deadline) throw new Error("toasts still shown after 30 s")
        await page.waitForTimeout(200)
      }
    }

    beforeAll(async () => {
      walletId = await createWallet({ label })
      await credit(walletId, 1000)
      browser = await launchChromium()
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
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

    it("lists Wallets under Cashless, finds the wallet by search and opens it on its balance", async () => {
      await page.getByRole("link", { name: "Cashless" }).click()
      await page.waitForURL(/\/app\/cashless$/)
      await page.getByRole("link", { name: "Wallets", exact: true }).click()
      await page.waitForURL(/\/app\/cashless\/wallets$/)

      await page.getByRole("searchbox", { name: "Search wallets" }).fill(label)
      await page.waitForURL(/\/app\/cashless\/wallets\?q=/)
      await textOf(main(), /\b1\s+1 of 1 results/)
      const row = main().locator("tbody tr")
      expect(await row.count()).toBe(1)
      const cells = await row.locator("td").allInnerTexts()
      expect(cells[0]).toContain(label)
      expect(cells[0]).toContain(walletId)
      expect(cells[1].trim()).toBe("anonymous")
      expect(cells[2]).toMatch(/10\.00 EUR[\s\S]*0\.00 EUR\s*gift/)

      await row.click()
      await page.waitForURL(new RegExp(`/app/cashless/wallets/${walletId}$`))
      await textOf(balanceOf("EUR"), /10\.00 EUR/)
      await textOf(balanceOf("EUR_GIFT"), /0\.00 EUR/)
      const first = await historyRows().first().innerText()
      expect(first).toMatch(/credit\s+EUR\s+\+10\.00 EUR\s+10\.00 EUR/)
    })

    it("adjusts through the drawer; a submission whose answer was lost is retried with the same key and posted once", async () => {
      const sent: Array<Record<string, unknown>> = []
      let lost = false
      await page.route(`**/admin/cashless/wallets/${walletId}/adjust`, async (route) => {
        sent.push(route.request().postDataJSON())
        if (lost) return route.continue()
        // The server posts the adjustment, but its answer never reaches the browser.
        lost = true
        await route.fetch()
        await route.abort("connectionreset")
      })

      await main().getByRole("button", { name: "Adjust" }).click()
      await drawer().getByRole("button", { name: "Post adjustment" }).click()
      await textOf(drawer(), /Enter an amount\.[\s\S]*A reason is required/)
      expect(sent).toHaveLength(0)

      await drawer().getByLabel("Amount").fill("-2,50")
      await drawer().getByLabel("Reason").fill("Deposit for a broken glass")
      await drawer().getByRole("button", { name: "Post adjustment" }).click()
      await toast(/No answer from the server/).waitFor({ timeout: 30_000 })
      expect(await drawer().isVisible()).toBe(true)

      await drawer().getByRole("button", { name: "Post adjustment" }).click()
      await toast("This adjustment was already posted").waitFor({ timeout: 30_000 })
      await drawer().waitFor({ state: "hidden" })
      await textOf(balanceOf("EUR"), /7\.50 EUR/)

      expect(sent).toHaveLength(2)
      expect(sent[0]).toEqual({
        amount: -250,
        asset_code: "EUR",
        reason: "Deposit for a broken glass",
        idempotency_key: expect.stringMatching(UUID),
      })
      expect(sent[1]).toEqual(sent[0])
      const adjustments = (await history(walletId)).filter((i) => i.kind === "adjustment")
      expect(adjustments.map((i) => i.amount)).toEqual([-250])

      const row = historyRows().first()
      await textOf(row, /adjustment\s+EUR\s+-2\.50 EUR\s+7\.50 EUR\s+Deposit for a broken glass/)

      // The same adjustment done again on purpose is a new submission: a new key, posted again.
      await main().getByRole("button", { name: "Adjust" }).click()
      await drawer().getByLabel("Amount").fill("-2.50")
      await drawer().getByLabel("Reason").fill("Deposit for a broken glass")
      await drawer().getByRole("button", { name: "Post adjustment" }).click()
      await toast("Adjustment posted").waitFor({ timeout: 30_000 })
      await textOf(balanceOf("EUR"), /5\.00 EUR/)
      expect(sent).toHaveLength(3)
      expect(sent[2].idempotency_key).toMatch(UUID)
      expect(sent[2].idempotency_key).not.toBe(sent[0].idempotency_key)
      await page.unroute(`**/admin/cashless/wallets/${walletId}/adjust`)
    })

    it("gives gift credit", async () => {
      await main().getByRole("button", { name: "Gift credit" }).click()
      await drawer().getByLabel("Amount").fill("5")
      await drawer().getByLabel("Reason").fill("Volunteer thank-you")
      await drawer().getByRole("button", { name: "Give credit" }).click()
      await toast("Gift credit posted").waitFor({ timeout: 30_000 })
      await textOf(balanceOf("EUR_GIFT"), /5\.00 EUR/)
      await textOf(historyRows().first(), /gift\s+EUR_GIFT\s+\+5\.00 EUR\s+5\.00 EUR\s+Volunteer thank-you/)
    })

    it("reverses an entry with a reason, and shows the server's refusal when it was reversed meanwhile", async () => {
      const [second, first] = (await history(walletId)).filter((i) => i.kind === "adjustment")
      expect(second.entry_id).not.toBe(first.entry_id)
      await toastsGone()

      await main().locator(`tr[data-entry-id="${second.entry_id}"]`).getByRole("button", { name: "Reverse" }).click()
      await drawer().getByRole("button", { name: "Reverse entry" }).click()
      await textOf(drawer(), /A reason is required/)
      await drawer().getByLabel("Reason").fill("Glass was returned")
      await drawer().getByRole("button", { name: "Reverse entry" }).click()
      await toast("Entry reversed").waitFor({ timeout: 30_000 })
      await textOf(balanceOf("EUR"), /7\.50 EUR/)
      await textOf(historyRows().first(), /reversal\s+EUR\s+\+2\.50 EUR\s+7\.50 EUR\s+Glass was returned/)
      await textOf(main().locator(`tr[data-entry-id="${second.entry_id}"]`), /reversed/)

      // Someone else reverses the first adjustment while this page still offers to.
      const behindTheBack = await admin.post(`/admin/cashless/entries/${first.entry_id}/reverse`, {
        reason: "done at the till",
        idempotency_key: randomUUID(),
      })
      expect(behindTheBack.status).toBe(200)
      const byEntry = behindTheBack.data.entry.id as string
      await toastsGone()

      await main().locator(`tr[data-entry-id="${first.entry_id}"]`).getByRole("button", { name: "Reverse" }).click()
      await drawer().getByLabel("Reason").fill("Glass was returned too")
      await drawer().getByRole("button", { name: "Reverse entry" }).click()
      const refusal = toast(`Entry ${first.entry_id} was already reversed by entry ${byEntry}.`)
      await refusal.waitFor({ timeout: 30_000 })
      // One Toaster only (the dashboard's): a second one would show every toast twice.
      expect(await refusal.count()).toBe(1)
      expect(await drawer().isVisible()).toBe(true)
      await page.keyboard.press("Escape")
      await drawer().waitFor({ state: "hidden" })

      await page.reload()
      await textOf(balanceOf("EUR"), /10\.00 EUR/)
      await textOf(main().locator(`tr[data-entry-id="${first.entry_id}"]`), /reversed/)
      expect(await main().locator(`tr[data-entry-id="${first.entry_id}"]`).getByRole("button").count()).toBe(0)
    })

    it("loads a long history page by page with Load more", async () => {
      const busy = await createWallet({ label: `Busy ${RUN}` })
      for (let i = 1; i <= 23; i++) await credit(busy, i * 100)
      await page.goto(`${base}/app/cashless/wallets/${busy}`)
      await textOf(balanceOf("EUR"), /276\.00 EUR/)
      await textOf(main(), /20 postings shown/)
      expect(await historyRows().count()).toBe(20)
      expect(await historyRows().first().innerText()).toMatch(/\+23\.00 EUR\s+276\.00 EUR/)

      await main().getByRole("button", { name: "Load more" }).click()
      await textOf(main(), /23 postings shown/)
      expect(await historyRows().count()).toBe(23)
      expect(await historyRows().last().innerText()).toMatch(/\+1\.00 EUR\s+1\.00 EUR/)
      expect(await main().getByRole("button", { name: "Load more" }).count()).toBe(0)
    })

    it("pages the wallet list by 20", async () => {
      for (let i = 1; i <= 21; i++) await createWallet({ label: `Page ${RUN} ${String(i).padStart(2, "0")}` })
      await page.goto(`${base}/app/cashless/wallets`)
      await page.getByRole("searchbox", { name: "Search wallets" }).fill(`Page ${RUN}`)
      await textOf(main(), /\b1\s+20 of 21 results/)
      expect(await main().locator("tbody tr").count()).toBe(20)

      await main().getByRole("button", { name: "Next" }).click()
      await page.waitForURL(/offset=20/)
      await textOf(main(), /\b21\s+21 of 21 results/)
      expect(await main().locator("tbody tr").allInnerTexts()).toEqual([expect.stringContaining(`Page ${RUN} 01`)])

      // A narrower search, then Back: the rows and the search box follow the URL again.
      const searchbox = page.getByRole("searchbox", { name: "Search wallets" })
      await searchbox.fill(`Page ${RUN} 0`)
      await textOf(main(), /\b1\s+9 of 9 results/)
      expect(page.url()).not.toContain("offset=")
      await page.goBack()
      await textOf(main(), /\b1\s+20 of 21 results/)
      expect(await searchbox.inputValue()).toBe(`Page ${RUN}`)
      expect(new URL(page.url()).searchParams.get("offset")).toBeNull()
      expect(await main().locator("tbody tr").first().innerText()).toContain(`Page ${RUN} 21`)
    })

    it("creates an anonymous wallet from the list and opens it", async () => {
      await page.goto(`${base}/app/cashless/wallets`)
      await main().getByRole("button", { name: "Create wallet" }).click()
      await drawer().getByLabel("Label").fill(`Card ${RUN}`)
      await drawer().getByRole("button", { name: "Create wallet" }).click()
      await page.waitForURL(/\/app\/cashless\/wallets\/cwal_\w+$/)
      const created = page.url().split("/").pop()!
      await textOf(main().getByRole("heading", { level: 1 }), new RegExp(`^Card ${RUN}$`))
      await textOf(main(), /Customer\s+anonymous/)
      const { data } = await admin.get(`/admin/cashless/wallets/${created}`)
      expect(data.wallet).toMatchObject({ id: created, label: `Card ${RUN}`, customer: null })
    })

    it("verifies the ledger from the Wallets page", async () => {
      await page.goto(`${base}/app/cashless/wallets`)
      await main().getByRole("button", { name: "Verify ledger" }).click()
      const text = await textOf(main(), /Ledger verified: \d+ entries, \d+ postings, \d+ accounts/)
      const [, entries, postings, accounts] = text.match(/Ledger verified: (\d+) entries, (\d+) postings, (\d+) accounts/)!
      const report = await admin.post("/admin/cashless/ledger/verify")
      expect(report.data.ok).toBe(true)
      expect(report.data.checked).toEqual({ entries: +entries, postings: +postings, accounts: +accounts })
      // This run alone posted 1 credit, 2 adjustments, 1 gift, 2 reversals and 23 credits.
      expect(+entries).toBeGreaterThanOrEqual(29)

      // A balance changed behind the ledger's back (its triggers disabled, as only a superuser
      // could) turns the report red and names the account.
      const db = new Client({ connectionString: `postgres://postgres:postgres@localhost:${pgPort}/medusa_cashless` })
      await db.connect()
      try {
        const account = (
          await db.query(`select id from cashless_account where wallet_id = $1 and asset_id = 'casset_eur'`, [walletId])
        ).rows[0].id as string
        const tamper = async (delta: number) => {
          await db.query("begin")
          await db.query("set local session_replication_role = replica")
          await db.query("update cashless_account set balance = balance + $2 where id = $1", [account, delta])
          await db.query("commit")
        }
        await tamper(1)
        await main().getByRole("button", { name: "Verify ledger" }).click()
        await textOf(main(), /The ledger does not verify: 1 issue in \d+ entries/)
        const issue = main().locator("tbody tr").filter({ hasText: account })
        expect(await issue.locator("td").allInnerTexts()).toEqual([
          "cashless_account",
          account,
          "stored balance is 1001, but its postings end at 1000",
        ])
        await tamper(-1)
        await main().getByRole("button", { name: "Verify ledger" }).click()
        await textOf(main(), /Ledger verified: \d+ entries/)
      } finally {
        await db.end()
      }
    })

    it("shows the customer's wallet on the customer page, or creates it there", async () => {
      const customer = await createCustomer("Widget")
      await page.goto(`${base}/app/customers/${customer.id}`)
      const widget = page.getByRole("region", { name: "Cashless wallet" })
      await textOf(widget, /No wallet yet/, 60_000)
      await widget.getByRole("button", { name: "Create wallet" }).click()
      await toast("Wallet created").waitFor({ timeout: 30_000 })
      await textOf(widget.locator('[data-asset="EUR"]'), /Euros \(refundable\)\s+0\.00 EUR/)
      await textOf(widget.locator('[data-asset="EUR_GIFT"]'), /Gift credit \(euros\)\s+0\.00 EUR/)

      const { data } = await admin.get(`/admin/cashless/customers/${customer.id}/wallet`)
      expect(data.wallet).toMatchObject({ label: "Widget Tester", customer: { id: customer.id } })

      await widget.getByRole("link", { name: "Open wallet" }).click()
      await page.waitForURL(new RegExp(`/app/cashless/wallets/${data.wallet.id}$`))
      await textOf(main(), /Widget Tester[\s\S]*widget-[\w-]+@example\.com/)
      await textOf(main(), /Nothing has been posted on this wallet yet\./)
    })

    it("lists the demo cards, finds one by its holder and opens its page with balances and status log", async () => {
      await page.goto(`${base}/app/cashless/cards`)
      await textOf(main(), /N° 0001[\s\S]*N° 0002[\s\S]*Camille Martin/)
      await page.getByRole("searchbox", { name: "Search cards" }).fill("Noé")
      await textOf(main(), /\b1\s+1 of 1 results/)
      const row = main().locator("tbody tr")
      // The status badge is capitalized by CSS, which innerText reflects.
      // 8.00 EUR from the card, 50.00 EUR topped up in the shop, 25.00 EUR refunded (demo seed).
      expect(await row.innerText()).toMatch(/N° 0003[\s\S]*Active[\s\S]*Noé Dubois[\s\S]*33\.00 EUR/)
      await row.click()
      await page.waitForURL(/\/app\/cashless\/cards\/ccard_/)
      await textOf(main(), /Card N° 0003[\s\S]*04DE4D00000003[\s\S]*Demo cards \(printed\)[\s\S]*Noé Dubois/)
      // The holder's membership, as the till will show it after a tap: Noé's lapsed last month.
      await textOf(main(), /Membership\s*Expired on .+ \(Annual membership\)/)
      await textOf(main().getByRole("row", { name: "event bound" }), /active → active[\s\S]*system:demo-seed/)
      expect(await main().getByRole("row", { name: "event activated" }).count()).toBe(1)
    })

    it("unblocks a blocked card with a reason, and the status log shows who and why", async () => {
      await page.goto(`${base}/app/cashless/cards?q=0004`)
      await textOf(main(), /N° 0004[\s\S]*Blocked/)
      await main().locator("tbody tr").first().click()
      await page.waitForURL(/\/app\/cashless\/cards\/ccard_/)
      await toastsGone()
      await main().getByRole("button", { name: "Unblock" }).click()
      await drawer().getByRole("button", { name: "Unblock" }).click()
      await textOf(drawer(), /A reason is required/)
      await drawer().getByLabel("Reason").fill("Owner came back with ID")
      await drawer().getByRole("button", { name: "Unblock" }).click()
      await toast("Card N° 0004 unblocked").waitFor({ timeout: 30_000 })
      await textOf(main().getByRole("row", { name: "event unblocked" }), /blocked → new[\s\S]*user:[\s\S]*Owner came back with ID/)
    })

    it("imports a batch from pasted lines, with its progress and the skipped line", async () => {
      await page.goto(`${base}/app/cashless/cards`)
      await main().getByRole("button", { name: "Import cards" }).click()
      await drawer().getByLabel("Batch name").fill(`Import ${RUN}`)
      const uid = (n: number) => `04${RUN.slice(0, 6).toUpperCase().replace(/[^0-9A-F]/g, "A").padEnd(6, "A")}00000${n}`
      await drawer().getByLabel("Lines").fill(`uid,printed_number\n${uid(1)},U${RUN}-1\nnot-a-uid,U${RUN}-2\n${uid(2)},U${RUN}-3`)
      await drawer().getByRole("button", { name: "Import", exact: true }).click()
      await textOf(drawer(), /3 of 3 lines read · 2 cards registered · 1 lines skipped/)
      await textOf(drawer(), /Batch registered: 2 cards/)
      await textOf(drawer().getByRole("list", { name: "Skipped lines" }), /Line 3 \(not-a-uid\): Malformed UID/)
      expect(await drawer().getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow")).toBe("3")
      await page.keyboard.press("Escape")
      const listed = await admin.get(`/admin/cashless/cards?q=U${RUN}`)
      expect(listed.data.cards.map((c: { printed_number: string }) => c.printed_number)).toEqual([`U${RUN}-1`, `U${RUN}-3`])
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
