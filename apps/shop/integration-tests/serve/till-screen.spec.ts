/**
 * The till screen (#8) on `npm run serve` (production build, fresh embedded database, demo
 * seed) in headless Chromium, as the demo cashier of the café bar: the reader agent is a real
 * WebSocket server on 127.0.0.1 speaking the agent's protocol, the taps travel over it. The
 * cashier opens a session, sells to a member's card, tops up a card and splits a short sale
 * with cash; a manager approves a cash refund; a charge whose answer is lost with the network
 * is retried with its key and sold once; the manager closes with the Ticket Z, whose figures on
 * screen are the server's. axe-core checks the main screens; each step leaves a screenshot.
 *
 * The network cut: a TCP proxy the test controls stands between the browser and the shop. It
 * lets the sale reach the server and be answered, then drops the answer and every connection
 * and refuses new ones, then comes back. Stopping the real server instead would take the
 * launcher down with it (it stops the embedded database when its Medusa exits), and a cut
 * after the server answered is the case that matters: the sale was applied, the till does not
 * know it.
 */
import { readFileSync } from "node:fs"
import { Client } from "pg"
import type { Browser, Locator, Page } from "playwright-core"
import { adminHttp, type AdminHttp } from "../helpers/admin-http"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium, screenshot } from "../helpers/browser"
import { startCutProxy, type CutProxy } from "../helpers/cut-proxy"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
import { startReaderAgent, type ReaderAgentServer } from "../helpers/reader-agent-server"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(900_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })

const CASHIER = "cashier@cashless.local"
const MANAGER = "manager@cashless.local"
/** Demo cards (seed-demo-cards.ts): N° 0001 an anonymous festival-weekend member, N° 0005 never used. */
const MEMBER_CARD = "04DE4D00000001"
const NEW_CARD = "04DE4D00000005"
const SALES_REQUEST = /^POST \/admin\/cashless\/tills\/[^/ ]+\/sales /m

const euros = (minor: number) => `${(minor / 100).toFixed(2)} EUR`

type Variant = { id: string; title: string; unit_price: number }
type Balance = { asset_code: string; balance: number }

describe("the till screen on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let admin: AdminHttp
  let password: string
  let posId: string
  let proxy: CutProxy
  let agent: ReaderAgentServer
  let db: Client
  const variants: Record<string, Variant> = {}

  const cardBalance = async (uid: string) => {
    const res = await admin.get(`/admin/cashless/card-lookup?uid=${uid}`)
    return ((res.data.card?.balances ?? []) as Balance[]).find((b) => b.asset_code === "EUR")?.balance ?? 0
  }
  const salesWithKey = async (key: string) => Number((await db.query("select count(*) from cashless_sale where idempotency_key = $1", [key])).rows[0].count)

  beforeAll(async () => {
    shop = await serveShop("cashless-till-screen")
    run = shop.run
    const login = printed(run)
    password = login.password
    admin = await adminHttp(shop.base, login.email, login.password)
    const points = (await admin.get("/admin/cashless/points-of-sale")).data.points_of_sale as Array<{ id: string; name: string }>
    posId = points.find((p) => p.name === "Café bar")!.id
    // The seed leaves the bar open with its float: close that session so the cashier opens one.
    const open = (await admin.get(`/admin/cashless/tills/${posId}/session`)).data.session
    if (open) expect((await admin.post(`/admin/cashless/tills/${posId}/sessions/${open.id}/close`, { counted_cash: 0 })).status).toBe(200)
    const catalog = (await admin.get(`/admin/cashless/tills/${posId}/catalog`)).data
    for (const p of catalog.products as Array<{ title: string; variants: Variant[] }>) variants[p.title] = { ...p.variants[0], title: p.title }
    expect(Object.keys(variants)).toEqual(expect.arrayContaining(["Lemonade", "Coffee", "Draught beer 25 cl"]))
    db = new Client({ connectionString: `postgres://postgres:postgres@localhost:${shop.pgPort}/medusa_cashless` })
    await db.connect()
    proxy = await startCutProxy(Number(new URL(shop.base).port))
    agent = await startReaderAgent()
  })

  afterAll(async () => {
    await db?.end().catch(() => {})
    await agent?.stop().catch(() => {})
    await proxy?.close().catch(() => {})
    await shop?.stop()
  })

  describeBrowser("in headless Chromium, as the café bar's cashier", () => {
    let browser: Browser
    let page: Page
    const pageErrors: string[] = []
    const saleKeys: string[] = []
    let shot = 0
    const base = () => `http://127.0.0.1:${proxy.port}`
    const till = () => page.locator("[data-till]")
    const testId = (id: string) => till().locator(`[data-testid="${id}"]`)
    const step = (name: string) => screenshot(page, `till-screen-${String(++shot).padStart(2, "0")}-${name}`)
    /** Polls until the locator's text matches. */
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
    /** axe-core on the till (the admin behind it is not ours): no serious or critical violation. */
    const accessible = async (screen: string) => {
      if (!(await page.evaluate(() => "axe" in window))) {
        await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") })
      }
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: string, opts: object) => Promise<{ violations: Array<Record<string, any>> }> } }).axe // eslint-disable-line @typescript-eslint/no-explicit-any
        const result = await axe.run("[data-till]", { resultTypes: ["violations"] })
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: { target: string[]; failureSummary: string }) => `${n.target.join(" ")}: ${n.failureSummary}`) }))
      })
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      expect([screen, serious]).toEqual([screen, []])
    }
    const tapWhenWaiting = async (uid: string) => {
      await testId("card-wait").waitFor({ timeout: 30_000 })
      expect(agent.tap(uid)).toBe(1)
    }
    const approveAsManager = async () => {
      const prompt = testId("manager-prompt")
      await prompt.waitFor({ timeout: 30_000 })
      await accessible("manager prompt")
      await step("manager-prompt")
      await prompt.getByLabel("Manager's email").fill(MANAGER)
      await prompt.getByLabel("Manager's password").fill(password)
      await prompt.getByRole("button", { name: "Approve" }).click()
    }

    beforeAll(async () => {
      browser = await launchChromium()
      page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      page.on("pageerror", (err) => pageErrors.push(err.message))
      page.on("request", (req) => {
        if (req.method() === "POST" && /\/admin\/cashless\/tills\/[^/]+\/sales$/.test(new URL(req.url()).pathname)) {
          saleKeys.push(req.postDataJSON().idempotency_key)
        }
      })
      await page.goto(`${base()}/app/login`)
      await page.fill('input[name="email"]', CASHIER)
      await page.fill('input[name="password"]', password)
      await page.click('button[type="submit"]')
      await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
    })
    afterAll(async () => {
      await browser?.close()
    })

    it("opens full screen, is pointed at the reader agent, and shows when the agent goes away and comes back", async () => {
      await page.goto(`${base()}/app/cashless/till`)
      await textOf(till().getByRole("heading", { level: 1 }), /Till · Café bar/)
      await textOf(testId("server-status"), /Server connected/)
      // Nothing listens on the default port here.
      await textOf(testId("reader-status"), /Reader agent unreachable/)
      await step("agent-unreachable")

      await till().getByRole("button", { name: /Reader settings/ }).click()
      await testId("reader-settings").getByLabel("Reader agent address").fill(agent.url)
      await testId("reader-settings").getByRole("button", { name: "Save" }).click()
      await textOf(testId("reader-status"), /Reader ready: Test ACR122U/)
      expect(await page.evaluate(() => localStorage.getItem("cashless.till.reader-url"))).toBe(agent.url)

      await agent.stop()
      await textOf(testId("reader-status"), /Reader agent unreachable/)
      await agent.restart()
      await textOf(testId("reader-status"), /Reader ready: Test ACR122U/, 30_000)
      expect(agent.clients()).toBe(1)
    })

    it("opens a session with its float", async () => {
      const panel = testId("open-session")
      await textOf(panel, /Open Café bar/)
      await accessible("open session")
      await step("open-session")
      await panel.getByLabel("Cash float").fill("100")
      await panel.getByRole("button", { name: "Open the till" }).click()
      await till().locator('[data-testid="product-tile"]').first().waitFor({ timeout: 30_000 })
      const session = (await admin.get(`/admin/cashless/tills/${posId}/session`)).data.session
      expect(session).toMatchObject({ status: "open", opening_float: 10_000 })
    })

    it("sells two items to a member's card tapped on the reader, and shows the new balance and the member prices", async () => {
      const before = await cardBalance(MEMBER_CARD)
      await till().locator('[data-testid="product-tile"]', { hasText: "Lemonade" }).click()
      await till().locator('[data-testid="product-tile"]', { hasText: "Coffee" }).click()
      const publicTotal = variants.Lemonade.unit_price + variants.Coffee.unit_price
      await textOf(testId("basket-total"), new RegExp(euros(publicTotal).replace(".", "\\.")))
      await accessible("sell")
      await step("basket")

      await till().getByRole("button", { name: "Charge card" }).click()
      await textOf(testId("waiting-total"), new RegExp(euros(publicTotal).replace(".", "\\.")))
      await accessible("waiting for card")
      await step("waiting-for-card")
      await tapWhenWaiting(MEMBER_CARD)

      const receipt = testId("receipt")
      await receipt.waitFor({ timeout: 30_000 })
      const after = await cardBalance(MEMBER_CARD)
      const charged = before - after
      expect(charged).toBeGreaterThan(0)
      expect(charged).toBeLessThan(publicTotal)
      await textOf(testId("receipt-total"), new RegExp(euros(charged).replace(".", "\\.")))
      await textOf(receipt.locator('[data-testid="balance-EUR"]'), new RegExp(`^${euros(after).replace(".", "\\.")}$`))
      await textOf(receipt.locator('[data-testid="holder-name"]'), /Anonymous card N° 0001/)
      const membership = receipt.locator('[data-testid="membership-status"]')
      await textOf(membership, /Member until .+ \(Festival weekend membership\)/)
      expect(await membership.getAttribute("data-tone")).toBe("green")
      // Member prices: the regular price struck through beside each.
      expect(await receipt.locator('[data-testid="regular-price"]').allInnerTexts()).toEqual(
        expect.arrayContaining([euros(variants.Lemonade.unit_price), euros(variants.Coffee.unit_price)])
      )
      await accessible("receipt")
      await step("receipt-member")
      await receipt.getByRole("button", { name: "New sale" }).click()
      expect(await salesWithKey(saleKeys.at(-1)!)).toBe(1)
    })

    it("tops up a new card in cash", async () => {
      await till().getByRole("button", { name: "Top up" }).click()
      await tapWhenWaiting(NEW_CARD)
      const form = testId("top-up-form")
      await form.waitFor({ timeout: 30_000 })
      await textOf(form.locator('[data-testid="membership-status"]'), /Not a member/)
      await form.getByLabel("Amount to add").fill("2")
      await form.getByRole("button", { name: "Paid in cash" }).click()
      const result = testId("movement-result")
      await textOf(result, /2\.00 EUR added\. Take the cash\./)
      await textOf(result.locator('[data-testid="balance-EUR"]'), /^2\.00 EUR$/)
      expect(await cardBalance(NEW_CARD)).toBe(200)
      await step("top-up")
      await result.getByRole("button", { name: "Done" }).click()
    })

    it("splits a sale the card cannot pay: the card pays what it holds, the rest in cash, one sale", async () => {
      const beer = variants["Draught beer 25 cl"]
      await till().getByRole("button", { name: "Sell", exact: true }).click()
      await till().locator('[data-testid="product-tile"]', { hasText: "Draught beer" }).click()
      await till().getByRole("button", { name: "Charge card" }).click()
      await tapWhenWaiting(NEW_CARD)

      const split = testId("split")
      await split.waitFor({ timeout: 30_000 })
      await textOf(testId("split-rest"), new RegExp(euros(beer.unit_price - 200).replace(".", "\\.")))
      await accessible("split")
      await step("split")
      const shortKey = saleKeys.at(-1)!
      expect(await salesWithKey(shortKey)).toBe(0)
      await split.getByRole("button", { name: /^Rest in cash/ }).click()

      const receipt = testId("receipt")
      await receipt.waitFor({ timeout: 30_000 })
      expect(await receipt.locator('[data-testid="receipt-tender"]').allInnerTexts()).toEqual([
        expect.stringMatching(/Card · N° 0005\s+2\.00 EUR/),
        expect.stringMatching(new RegExp(`Cash\\s+${euros(beer.unit_price - 200).replace(".", "\\.")}`)),
      ])
      await textOf(receipt.locator('[data-testid="balance-EUR"]'), /^0\.00 EUR$/)
      await step("split-receipt")
      // The split completed the same sale: same key, one sale.
      expect(saleKeys.at(-1)).toBe(shortKey)
      expect(await salesWithKey(shortKey)).toBe(1)
      await receipt.getByRole("button", { name: "New sale" }).click()
    })

    it("refunds cash with a manager's approval, the cashier staying logged in", async () => {
      const before = await cardBalance(MEMBER_CARD)
      await till().getByRole("button", { name: "Refund" }).click()
      await tapWhenWaiting(MEMBER_CARD)
      const form = testId("refund-form")
      await form.waitFor({ timeout: 30_000 })
      await form.getByLabel("Amount to refund").fill("1")
      await form.getByRole("button", { name: "Refund" }).click()
      await approveAsManager()
      const result = testId("movement-result")
      await textOf(result, /Give 1\.00 EUR in cash\./)
      expect(await cardBalance(MEMBER_CARD)).toBe(before - 100)
      const { rows } = await db.query("select kind, tender, amount::int, done_by from cashless_till_movement where kind = 'refund' order by created_at desc limit 1")
      expect(rows[0]).toMatchObject({ kind: "refund", tender: "cash", amount: 100 })
      const manager = (await db.query('select id from public."user" where email = $1', [MANAGER])).rows[0].id
      expect(rows[0].done_by).toContain(manager)
      await step("refund")
      // The cashier's own login was not replaced by the manager's.
      expect((await page.evaluate(async () => (await fetch("/admin/cashless/staff/me", { credentials: "include" })).json())).me.role).toBe("cashier")
      await result.getByRole("button", { name: "Done" }).click()
    })

    it("checks a card by its printed QR code, typed as a scanner would", async () => {
      const qrUrl = (await admin.get(`/admin/cashless/card-lookup?uid=${NEW_CARD}`)).data.card.qr_url as string
      await till().getByRole("button", { name: "Check card" }).click()
      const wait = testId("card-wait")
      await wait.waitFor({ timeout: 30_000 })
      await wait.getByText("Card not reading? Type its UID or scan its QR code").click()
      await wait.getByLabel("QR code of the card (scan or type)").fill(qrUrl)
      await wait.getByLabel("QR code of the card (scan or type)").press("Enter")
      const result = testId("check-result")
      await result.waitFor({ timeout: 30_000 })
      await textOf(result.locator('[data-testid="holder-name"]'), /Anonymous card N° 0005/)
      await textOf(result.locator('[data-testid="balance-EUR"]'), /^0\.00 EUR$/)
      await accessible("check card")
      await step("check-card-qr")
      await result.getByRole("button", { name: "Done" }).click()
    })

    it("takes back a card handed in, with a manager's approval: its money in cash, the card blank again", async () => {
      await till().getByRole("button", { name: "Card handed back" }).click()
      await tapWhenWaiting(NEW_CARD)
      const form = testId("void-form")
      await form.waitFor({ timeout: 30_000 })
      await form.getByLabel("Reason (optional)").fill("Leaving the festival")
      await form.getByRole("button", { name: "Take the card back" }).click()
      await approveAsManager()
      const result = testId("movement-result")
      await textOf(result, /Give 0\.00 EUR in cash\. The card is blank again\./)
      expect((await admin.get(`/admin/cashless/card-lookup?uid=${NEW_CARD}`)).data.card).toMatchObject({ status: "new", wallet_id: null, customer_id: null })
      await step("void")
      await result.getByRole("button", { name: "Done" }).click()
    })

    it("retries a charge whose answer was lost with the network, with the same key: one sale", async () => {
      await till().getByRole("button", { name: "Sell", exact: true }).click()
      await till().locator('[data-testid="product-tile"]', { hasText: "Lemonade" }).click()
      // Keyboard: Escape leaves the waiting screen with the basket kept; Enter on the focused button charges again.
      await till().getByRole("button", { name: "Charge card" }).click()
      await testId("card-wait").waitFor({ timeout: 30_000 })
      await page.keyboard.press("Escape")
      await textOf(testId("basket-total"), /2\.50 EUR/)
      await till().getByRole("button", { name: "Charge card" }).focus()
      await page.keyboard.press("Enter")
      await testId("card-wait").waitFor({ timeout: 30_000 })
      const cut = proxy.cutAfterAnswerTo(SALES_REQUEST)
      const keysBefore = saleKeys.length
      await tapWhenWaiting(MEMBER_CARD)
      await cut
      const progress = testId("charge-progress")
      await textOf(progress, /Server unreachable — retrying\. Attempt \d+\./)
      await textOf(testId("server-status"), /Server unreachable/)
      await textOf(till(), /Server unreachable — charges are kept on this till/)
      await step("server-unreachable-retrying")
      const key = saleKeys[keysBefore]
      // The server applied the sale before the network went; the till does not know it yet.
      expect(await salesWithKey(key)).toBe(1)
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("cashless.till.pending") ?? "[]"))
      expect(stored).toEqual([expect.objectContaining({ key, kind: "sale" })])

      proxy.restore()
      const receipt = testId("receipt")
      await receipt.waitFor({ timeout: 60_000 })
      await textOf(receipt, /This sale had already been recorded: it was not charged again\./)
      await textOf(testId("server-status"), /Server connected/)
      await step("retried-receipt")
      const attempts = saleKeys.slice(keysBefore)
      expect(attempts.length).toBeGreaterThanOrEqual(2)
      expect(new Set(attempts)).toEqual(new Set([key]))
      expect(await salesWithKey(key)).toBe(1)
      expect(await page.evaluate(() => localStorage.getItem("cashless.till.pending"))).toBeNull()
      await receipt.getByRole("button", { name: "New sale" }).click()
    })

    it("closes the session with a manager: the Ticket Z on screen is the server's", async () => {
      await till().getByRole("button", { name: "Close session" }).click()
      const panel = testId("close-session")
      await panel.waitFor()
      await accessible("close session")
      const session = (await admin.get(`/admin/cashless/tills/${posId}/session`)).data.session
      // Float 100.00, a split sale's 1.50 in cash and a 2.00 cash top-up in, a 1.00 refund out.
      const expected = 10_000 + (variants["Draught beer 25 cl"].unit_price - 200) + 200 - 100
      await panel.getByLabel("Cash counted").fill((expected / 100).toFixed(2))
      await panel.getByRole("button", { name: "Close and print the Ticket Z" }).click()
      await approveAsManager()

      const closed = testId("closed-session")
      await closed.waitFor({ timeout: 30_000 })
      const z = (await admin.get(`/admin/cashless/tills/${posId}/sessions/${session.id}/ticket-z`)).data.ticket_z
      expect(z.sales.count).toBe(3)
      expect(z.cash).toMatchObject({ opening_float: 10_000, expected, counted: expected, difference: 0 })
      const shown = async (id: string) => (await testId(id).innerText()).trim()
      expect(await shown("z-sales-count")).toBe(String(z.sales.count))
      expect(await shown("z-sales-total")).toBe(euros(z.sales.total))
      expect(await shown("z-sales-vat")).toBe(euros(z.sales.tax_total))
      for (const t of z.by_tender) expect(await shown(`z-tender-${t.tender}`)).toBe(euros(t.amount))
      for (const p of z.by_product) expect(await shown(`z-product-${p.variant_id}`)).toBe(euros(p.total))
      for (const r of z.by_vat_rate) expect(await shown(`z-vat-${r.rate}`)).toBe(euros(r.total))
      for (const t of z.top_ups) expect(await shown(`z-top-up-${t.tender}`)).toBe(euros(t.amount))
      for (const t of z.refunds) expect(await shown(`z-refund-${t.tender}`)).toBe(euros(-t.amount))
      expect(z.voids).toMatchObject({ count: 1, paid_out: 0 })
      expect(await shown("z-voids")).toBe(euros(-z.voids.paid_out))
      expect(await shown("z-cash-voids")).toBe(euros(-z.cash.voids))
      expect(await shown("z-cards-used")).toBe(String(z.cards_used))
      expect(await shown("z-cash-float")).toBe(euros(z.cash.opening_float))
      expect(await shown("z-cash-sales")).toBe(euros(z.cash.sales))
      expect(await shown("z-cash-expected")).toBe(euros(z.cash.expected))
      expect(await shown("z-cash-counted")).toBe(euros(z.cash.counted))
      expect(await shown("z-cash-difference")).toBe(euros(z.cash.difference))
      await textOf(closed, /The cash counted is what was expected\./)
      await accessible("ticket z")
      await step("ticket-z")

      // The printable page, fetched with the manager's approval: a cashier's login cannot read it.
      const href = await closed.getByRole("link", { name: "Print the Ticket Z" }).getAttribute("href")
      expect(href).toMatch(/^blob:/)
      const printable = await page.evaluate(async (url) => (await fetch(url)).text(), href!)
      expect(printable).toContain("<button")
      expect(printable).toContain("Café bar")
      expect((await admin.get(`/admin/cashless/tills/${posId}/session`)).data.session).toBeNull()
    })

    it("speaks French when asked, and remembers it", async () => {
      await till().getByRole("button", { name: "Français" }).click()
      await textOf(testId("closed-session"), /Les espèces comptées sont celles attendues\./)
      await textOf(testId("z-sales-total"), /\d+,\d{2} EUR/)
      await accessible("ticket z in French")
      await step("ticket-z-fr")
      await page.reload()
      await textOf(testId("open-session"), /Ouvrir Café bar/)
      await till().getByRole("button", { name: "English" }).click()
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    await db.end()
    expect(await ctrlC(run)).toBe(0)
  })
})
