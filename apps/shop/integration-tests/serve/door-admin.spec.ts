/**
 * The Door page (#12) on `npm run serve` (production build, fresh embedded database, demo seed)
 * in headless Chromium, as the demo cashier assigned to an "Entrance" point of sale. Everything
 * is set up through the admin and store APIs as a merchant and a customer would: a stock
 * location linked to the shop's channel, a ticket product with two ticket types and its event,
 * another event, tickets bought through store checkout, a card bound to the buyer. At the door:
 * a ticket's QR address typed by the "scanner" (keyboard + Enter, into the field that keeps the
 * focus), the same ticket again, a cancelled ticket, a ticket of another event, a card's QR code,
 * an unknown code, the buyer's card tapped on a reader agent (a real WebSocket server speaking the
 * agent's protocol), a refusal from the server, a lost answer retried with its key, French, and
 * a reader paired to the door whose tap comes through the server (remote mode).
 * Every verdict is checked against the admin API; each step leaves a screenshot.
 */
import { randomBytes, randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import type { Browser, Locator, Page } from "playwright-core"
import { adminHttp, type AdminHttp } from "../helpers/admin-http"
import { CHROMIUM_INSTALL, CHROMIUM_PATH, launchChromium, screenshot } from "../helpers/browser"
import { newNumber, newUid } from "../helpers/cards"
import { ctrlC, printed, serveShop, type Launch, type ServedShop } from "../helpers/launcher"
import { startReaderAgent, type ReaderAgentServer } from "../helpers/reader-agent-server"
import { checkout, newCart, type Shop } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import { storeHttp } from "../helpers/store-http"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithProgram } = require("../../../../tools/jest/optional-service.cjs")

jest.setTimeout(900_000)

const describeBrowser = describeWithProgram({ name: "Chromium", path: CHROMIUM_PATH, install: CHROMIUM_INSTALL })

const CASHIER = "cashier@cashless.local"
/** The browser's time zone: the times on screen must be this one's, not the server's. */
const TIME_ZONE = "Europe/Paris"
const RUN = randomUUID().slice(0, 8)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

type Res = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type TicketView = {
  id: string
  event_id: string
  type_title: string
  holder_name: string | null
  holder_email: string | null
  customer_id: string | null
  status: "valid" | "checked_in" | "cancelled" | "refunded"
  checked_in_at: string | null
  checked_in_by: { id: string; name: string } | null
  checked_in_where: { point_of_sale_id: string; name: string } | null
}
type StoreTicket = { id: string; secret: string; page_url: string; type_title: string; event: { id: string; name: string } }
type TicketEvent = { id: string; name: string; capacity: number; counts: { issued: number; checked_in: number } }

const hhmm = (iso: string, lang: "en" | "fr") =>
  new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }).format(new Date(iso))
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

describe("the Door page on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let admin: AdminHttp
  let password: string
  let agent: ReaderAgentServer
  let holder: StoreCustomer
  let cashierId: string
  let barId: string
  let entrance: { id: string; name: string }
  let gig: TicketEvent
  let other: TicketEvent
  /** The holder's tickets for the gig (3 standing, 1 seated), and one for the other event. */
  let gigTickets: StoreTicket[]
  let otherTicket: StoreTicket
  let card: { id: string; uid: string; qr_token: string }

  const ok = async (what: string, res: Promise<Res>, status = 200) => {
    const answer = await res
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.data)}`)
    return answer.data
  }
  const ticket = async (id: string): Promise<TicketView> => (await ok("ticket", admin.get(`/admin/cashless/tickets/${id}`))).ticket
  const event = async (id: string): Promise<TicketEvent> => (await ok("event", admin.get(`/admin/cashless/ticket-events/${id}`))).event
  const gigTicketsOfHolder = async (): Promise<TicketView[]> =>
    (await ok("tickets", admin.get(`/admin/cashless/tickets?event_id=${gig.id}&customer_id=${holder.id}&limit=50`))).tickets

  /**
   * Tickets are issued once the order's payment is captured. A digital order is captured by the
   * plugin at once; should it stay authorized, capture it as staff would in the admin.
   */
  const ticketsOfOrder = async (orderId: string, expected: number): Promise<StoreTicket[]> => {
    let captured = false
    for (let i = 0; i < 150; i++) {
      const mine = (await ok("my tickets", holder.get(`/store/cashless/me/tickets?order_id=${orderId}`))).tickets as StoreTicket[]
      if (mine.length >= expected) return mine
      if (i === 40 && !captured) {
        captured = true
        const order = (await ok("order", admin.get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.id,payment_collections.payments.captured_at`))).order
        for (const collection of order.payment_collections ?? []) {
          for (const payment of collection.payments ?? []) {
            if (!payment.captured_at) await ok("capture", admin.post(`/admin/payments/${payment.id}/capture`, {}))
          }
        }
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`order ${orderId}: fewer than ${expected} tickets issued`)
  }

  beforeAll(async () => {
    shop = await serveShop("cashless-door-admin")
    run = shop.run
    const login = printed(run)
    password = login.password
    admin = await adminHttp(shop.base, login.email, login.password)

    // The demo shop's region and online channel; a stock location of our own for the tickets.
    const region = (await ok("regions", admin.get("/admin/regions?name=Europe"))).regions[0]
    const channel = (await ok("channels", admin.get("/admin/sales-channels?name=Shop"))).sales_channels[0]
    const location = (await ok("stock location", admin.post("/admin/stock-locations", { name: `Door venue ${RUN}` }))).stock_location
    await ok("location channel", admin.post(`/admin/stock-locations/${location.id}/sales-channels`, { add: [channel.id] }))

    const ticketProduct = async (title: string, types: string[]) =>
      (
        await ok(
          "product",
          admin.post("/admin/products", {
            title,
            status: "published",
            options: [{ title: "Ticket type", values: types }],
            variants: types.map((type, i) => ({
              title: type,
              options: { "Ticket type": type },
              manage_inventory: false,
              prices: [{ amount: 20 + 5 * i, currency_code: "eur" }],
            })),
            sales_channels: [{ id: channel.id }],
          })
        )
      ).product as { id: string; variants: Array<{ id: string; title: string }> }
    const gigProduct = await ticketProduct(`Door gig ${RUN}`, ["Standing", "Seated"])
    const otherProduct = await ticketProduct(`Other gig ${RUN}`, ["Standing", "Balcony"])
    const newEvent = async (name: string, productId: string, capacity: number) =>
      (
        await ok(
          "event",
          admin.post("/admin/cashless/ticket-events", {
            name,
            venue: "Main hall",
            starts_at: new Date(Date.now() + 3_600_000).toISOString(),
            capacity,
            product_id: productId,
            stock_location_id: location.id,
          }),
          201
        )
      ).event as TicketEvent
    gig = await newEvent(`Door gig ${RUN}`, gigProduct.id, 50)
    other = await newEvent(`Other gig ${RUN}`, otherProduct.id, 20)

    // The door, and the demo cashier assigned to it besides the café bar.
    const points = (await ok("points of sale", admin.get("/admin/cashless/points-of-sale"))).points_of_sale as Array<{ id: string; name: string }>
    barId = points.find((p) => p.name === "Café bar")!.id
    entrance = (
      await ok("entrance", admin.post("/admin/cashless/points-of-sale", { name: "Entrance", sales_channel_id: channel.id, country_code: "fr", tenders: ["wallet"] }), 201)
    ).point_of_sale
    const staff = (await ok("staff", admin.get("/admin/cashless/staff"))).staff as Array<{ user_id: string; email: string }>
    cashierId = staff.find((s) => s.email === CASHIER)!.user_id
    await ok("assign", admin.post(`/admin/cashless/staff/${cashierId}`, { role: "cashier", point_of_sale_ids: [barId, entrance.id] }))

    // A customer buys tickets online, as on the storefront.
    const store = storeHttp(shop.base)
    holder = await storeCustomer(store, login.publishableKey, "Holder")
    const shopRef = { region_id: region.id, sales_channel_id: channel.id } as Shop
    const buy = async (lines: Array<{ variant_id: string; quantity: number }>) => {
      const cart = await newCart(shopRef, holder)
      for (const line of lines) await ok("line", holder.post(`/store/carts/${cart}/line-items`, line))
      return (await checkout(holder, cart)).order_id
    }
    const standing = gigProduct.variants.find((v) => v.title === "Standing")!.id
    const seated = gigProduct.variants.find((v) => v.title === "Seated")!.id
    const gigOrder = await buy([
      { variant_id: standing, quantity: 3 },
      { variant_id: seated, quantity: 1 },
    ])
    gigTickets = await ticketsOfOrder(gigOrder, 4)
    const otherOrder = await buy([{ variant_id: otherProduct.variants[0].id, quantity: 1 }])
    ;[otherTicket] = await ticketsOfOrder(otherOrder, 1)
    expect(otherTicket.event.id).toBe(other.id)

    // A card registered like a printed batch, bound to the holder.
    const uid = newUid()
    const started = await ok(
      "card import",
      admin.post("/admin/cashless/card-imports", { batch_name: `Door ${RUN}`, csv: `${uid},${newNumber("D")}`, idempotency_key: `import-${uid}` }),
      202
    )
    for (let i = 0; i < 100; i++) {
      if ((await ok("import", admin.get(`/admin/cashless/card-imports/${started.import.id}`))).import.status !== "running") break
      await new Promise((r) => setTimeout(r, 100))
    }
    card = (await ok("card", admin.get(`/admin/cashless/card-lookup?uid=${uid}`))).card
    await ok("bind", admin.post(`/admin/cashless/cards/${card.id}/bind`, { customer_id: holder.id }))

    agent = await startReaderAgent()
  })

  afterAll(async () => {
    await agent?.stop().catch(() => {})
    await shop?.stop()
  })

  describeBrowser("in headless Chromium, as the entrance's cashier", () => {
    let browser: Browser
    let page: Page
    const pageErrors: string[] = []
    /** The bodies of the check-ins the page posted, in order. */
    const posted: Array<Record<string, string>> = []
    let shot = 0
    const door = () => page.locator("[data-door]")
    const testId = (id: string) => door().locator(`[data-testid="${id}"]`)
    const step = (name: string) => screenshot(page, `door-admin-${String(++shot).padStart(2, "0")}-${name}`)
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
    /** axe-core on the door (the admin behind it is not ours): no serious or critical violation. */
    const accessible = async (screen: string) => {
      if (!(await page.evaluate(() => "axe" in window))) {
        await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") })
      }
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: string, opts: object) => Promise<{ violations: Array<Record<string, any>> }> } }).axe // eslint-disable-line @typescript-eslint/no-explicit-any
        const result = await axe.run("[data-door]", { resultTypes: ["violations"] })
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: { target: string[]; failureSummary: string }) => `${n.target.join(" ")}: ${n.failureSummary}`) }))
      })
      expect([screen, violations.filter((v) => v.impact === "serious" || v.impact === "critical")]).toEqual([screen, []])
    }
    /** What a USB scanner does: types into whatever has the focus, then Enter. */
    const scan = async (text: string) => {
      await page.keyboard.type(text, { delay: 2 })
      await page.keyboard.press("Enter")
    }
    /** The serial of the verdict on screen: each scan answered shows a new one, even with the same word. */
    let seenSerial = 0
    /** Waits for the next verdict (after `posts` check-ins were posted), checks its word, and reads it. */
    const nextVerdict = async (posts: number, word: RegExp) => {
      const deadline = Date.now() + 30_000
      let serial = seenSerial
      while (Date.now() < deadline) {
        serial = Number((await testId("verdict").getAttribute("data-serial", { timeout: 1_000 }).catch(() => null)) ?? seenSerial)
        if (serial > seenSerial) break
        await page.waitForTimeout(100)
      }
      if (serial <= seenSerial) throw new Error(`no new verdict after ${seenSerial}`)
      seenSerial = serial
      await textOf(testId("verdict-word"), word, 1_000)
      expect(posted).toHaveLength(posts)
      const read = async (id: string) => ((await testId(id).count()) ? await testId(id).innerText() : null)
      return {
        tone: await testId("verdict").getAttribute("data-tone"),
        detail: await read("verdict-detail"),
        holder: await read("verdict-holder"),
        type: await read("verdict-type"),
        remaining: await read("verdict-remaining"),
      }
    }
    const counter = async () => ({
      checkedIn: Number(await testId("counter-checked-in").innerText()),
      capacity: Number(await testId("counter-capacity").innerText()),
    })

    beforeAll(async () => {
      browser = await launchChromium()
      page = await browser.newPage({ viewport: { width: 1366, height: 900 }, timezoneId: TIME_ZONE, locale: "en-GB" })
      page.on("pageerror", (err) => pageErrors.push(err.message))
      page.on("request", (req) => {
        if (req.method() === "POST" && /\/admin\/cashless\/doors\/[^/]+\/check-ins$/.test(new URL(req.url()).pathname)) posted.push(req.postDataJSON())
      })
      await page.goto(`${shop.base}/app/login`)
      await page.fill('input[name="email"]', CASHIER)
      await page.fill('input[name="password"]', password)
      await page.click('button[type="submit"]')
      await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
    })
    afterAll(async () => {
      await browser?.close()
    })

    it("opens Door from the Cashless page, asks which door and which event, and remembers them", async () => {
      await page.goto(`${shop.base}/app/cashless`)
      await page.locator("main").getByRole("navigation", { name: "Cashless sections" }).getByRole("link", { name: /^Door/ }).click()
      await page.waitForURL(/\/app\/cashless\/door$/)
      const doors = testId("door-picker")
      await doors.waitFor({ timeout: 60_000 })
      // The cashier's own points of sale only.
      expect((await doors.getByRole("button").allInnerTexts()).sort()).toEqual(["Café bar", "Entrance"])
      await accessible("door picker")
      await step("door-picker")
      await doors.getByRole("button", { name: "Entrance" }).click()

      const events = testId("event-picker")
      await events.waitFor({ timeout: 30_000 })
      await textOf(events, new RegExp(escape(other.name)))
      await accessible("event picker")
      await step("event-picker")
      await events.getByRole("button").filter({ hasText: gig.name }).click()

      await textOf(door().getByRole("heading", { level: 1 }), /^Door · Entrance$/)
      await textOf(testId("door-event"), new RegExp(`^${escape(gig.name)}$`))
      expect(await page.evaluate(() => [localStorage.getItem("cashless.door.pos"), localStorage.getItem("cashless.door.event")])).toEqual([entrance.id, gig.id])
      const live = await event(gig.id)
      expect(live.counts).toMatchObject({ issued: 4, checked_in: 0 })
      await textOf(testId("counter-checked-in"), /^0$/)
      expect(await counter()).toEqual({ checkedIn: 0, capacity: 50 })
      await textOf(testId("counter-issued"), /^4 tickets issued$/)
    })

    it("is pointed at the reader agent like the till", async () => {
      await door().getByRole("button", { name: /Reader settings/ }).click()
      await testId("reader-settings").getByLabel("Reader agent address").fill(agent.url)
      await testId("reader-settings").getByRole("button", { name: "Save" }).click()
      await textOf(testId("reader-status"), /Reader ready: Test ACR122U/)
      expect(agent.clients()).toBe(1)
      await testId("scan-input").waitFor()
      await step("ready")
    })

    it("admits a ticket scanned from its QR code, and the counter goes up", async () => {
      const first = gigTickets.find((t) => t.type_title === "Standing")!
      // A click elsewhere on the page: the field takes the focus back, the scanner's keys land in it.
      await testId("door-counter").click()
      await page.waitForTimeout(100)
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("scan-input")
      await scan(first.page_url)
      const shown = await nextVerdict(1, /^ADMITTED$/)
      const after = await ticket(first.id)
      expect(after).toMatchObject({ status: "checked_in", checked_in_where: { point_of_sale_id: entrance.id, name: "Entrance" } })
      expect(after.checked_in_by?.id).toBe(cashierId)
      expect(shown).toEqual({ tone: "green", detail: null, holder: after.holder_name || after.holder_email, type: "Standing", remaining: null })
      await textOf(testId("counter-checked-in"), /^1$/)
      expect((await event(gig.id)).counts.checked_in).toBe(1)
      expect(posted).toHaveLength(1)
      expect(posted[0]).toEqual({ event_id: gig.id, secret: first.secret, idempotency_key: expect.stringMatching(UUID) })
      await accessible("admitted")
      await step("admitted")
    })

    it("says when, by whom and where a ticket scanned again went in", async () => {
      const first = gigTickets.find((t) => t.type_title === "Standing")!
      await scan(`  ${first.secret}  `)
      const shown = await nextVerdict(2, /^ALREADY CHECKED IN$/)
      const after = await ticket(first.id)
      expect(after.status).toBe("checked_in")
      expect(after.checked_in_by?.name).toBe("Chloé Cashier")
      expect(shown.tone).toBe("amber")
      expect(shown.detail).toBe(`at ${hhmm(after.checked_in_at!, "en")} by Chloé Cashier at Entrance`)
      expect((await event(gig.id)).counts.checked_in).toBe(1)
      await textOf(testId("counter-checked-in"), /^1$/)
      // A new scan, a new key: the server tells it from a retry.
      expect(posted).toHaveLength(2)
      expect(posted[1].idempotency_key).toMatch(UUID)
      expect(posted[1].idempotency_key).not.toBe(posted[0].idempotency_key)
      await accessible("already checked in")
      await step("already-checked-in")
    })

    it("refuses a cancelled ticket", async () => {
      const seated = gigTickets.find((t) => t.type_title === "Seated")!
      await ok("cancel", admin.post(`/admin/cashless/tickets/${seated.id}/cancel`, { reason: "Seat broken" }))
      await scan(seated.page_url)
      const shown = await nextVerdict(3, /^CANCELLED$/)
      expect(shown).toMatchObject({ tone: "red", type: "Seated" })
      expect((await ticket(seated.id)).status).toBe("cancelled")
      expect((await event(gig.id)).counts.checked_in).toBe(1)
      await step("cancelled")
    })

    it("refuses a ticket of another event, naming that event", async () => {
      await scan(otherTicket.page_url)
      const shown = await nextVerdict(4, /^WRONG EVENT$/)
      expect(shown).toMatchObject({ tone: "red", detail: `This ticket is for ${other.name}.` })
      expect((await ticket(otherTicket.id)).status).toBe("valid")
      expect((await event(other.id)).counts.checked_in).toBe(0)
      await accessible("wrong event")
      await step("wrong-event")
    })

    it("tells a card's QR code and an unknown code from a ticket", async () => {
      await scan(`${shop.base}/cashless/card/${card.qr_token}`)
      const cardQr = await nextVerdict(4, /^NOT A TICKET$/)
      expect(cardQr.detail).toMatch(/tap the card on the reader/)
      // Known without asking the server.
      expect(posted).toHaveLength(4)
      await step("card-qr")

      await scan(`tk_${randomBytes(18).toString("base64url")}`)
      expect((await nextVerdict(5, /^UNKNOWN TICKET$/)).tone).toBe("red")
      expect(posted).toHaveLength(5)
    })

    it("admits the holder's next ticket when their card is tapped on the reader", async () => {
      const before = await gigTicketsOfHolder()
      expect(before.filter((t) => t.status === "valid")).toHaveLength(2)
      expect(agent.tap(card.uid)).toBe(1)
      const shown = await nextVerdict(6, /^ADMITTED$/)
      expect(posted[5]).toEqual({ event_id: gig.id, uid: card.uid, idempotency_key: expect.stringMatching(UUID) })
      const after = await gigTicketsOfHolder()
      const admitted = after.filter((t) => t.status === "checked_in" && before.find((b) => b.id === t.id)?.status === "valid")
      expect(admitted).toHaveLength(1)
      expect(admitted[0].checked_in_where?.point_of_sale_id).toBe(entrance.id)
      expect(shown).toEqual({
        tone: "green",
        detail: null,
        holder: admitted[0].holder_name || admitted[0].holder_email,
        type: admitted[0].type_title,
        remaining: "1 more ticket for this holder",
      })
      await textOf(testId("counter-checked-in"), /^2$/)
      expect((await event(gig.id)).counts.checked_in).toBe(2)
      await step("card-tap")
    })

    it("speaks French when asked, and keeps door, event and language after a reload", async () => {
      await door().getByRole("button", { name: "Français" }).click()
      await textOf(testId("verdict-word"), /^ENTRÉE$/)
      await textOf(testId("verdict-remaining"), /^Encore 1 billet pour ce titulaire$/)
      await textOf(door().getByRole("heading", { level: 1 }), /^Contrôle · Entrance$/)
      await accessible("admitted in French")
      await step("admitted-fr")

      const first = gigTickets.find((t) => t.type_title === "Standing")!
      await scan(first.page_url)
      const shown = await nextVerdict(7, /^DÉJÀ ENTRÉ$/)
      const seen = await ticket(first.id)
      expect(shown.detail).toBe(`à ${hhmm(seen.checked_in_at!, "fr")} par Chloé Cashier à Entrance`)
      await step("already-checked-in-fr")

      const seated = gigTickets.find((t) => t.type_title === "Seated")!
      await scan(seated.page_url)
      await nextVerdict(8, /^ANNULÉ$/)
      await scan(otherTicket.secret)
      expect((await nextVerdict(9, /^MAUVAIS ÉVÉNEMENT$/)).detail).toBe(`Ce billet est pour ${other.name}.`)

      await page.reload()
      seenSerial = 0
      await textOf(door().getByRole("heading", { level: 1 }), /^Contrôle · Entrance$/)
      await textOf(testId("counter-checked-in"), /^2$/)
      await textOf(testId("counter-issued"), /^4 billets émis$/)
      await door().getByRole("button", { name: "English" }).click()
      await textOf(door().getByRole("heading", { level: 1 }), /^Door · Entrance$/)
    })

    it("shows the server's refusal when the cashier is no longer assigned to the door", async () => {
      const [next] = (await gigTicketsOfHolder()).filter((t) => t.status === "valid")
      const secret = gigTickets.find((t) => t.id === next.id)!.secret
      await ok("unassign", admin.post(`/admin/cashless/staff/${cashierId}`, { role: "cashier", point_of_sale_ids: [barId] }))
      try {
        await testId("scan-input").waitFor()
        const count = posted.length
        await scan(secret)
        const refusal = door().getByRole("alert").filter({ hasText: /^Refused: / })
        await textOf(refusal, /^Refused: .+/)
        expect(posted).toHaveLength(count + 1)
        expect((await ticket(next.id)).status).toBe("valid")
        await step("refused")
      } finally {
        await ok("assign again", admin.post(`/admin/cashless/staff/${cashierId}`, { role: "cashier", point_of_sale_ids: [barId, entrance.id] }))
      }
    })

    it("says when the server did not answer, and retries the same check-in with its key", async () => {
      const [next] = (await gigTicketsOfHolder()).filter((t) => t.status === "valid")
      const secret = gigTickets.find((t) => t.id === next.id)!.secret
      // The network drops the check-in before it reaches the server.
      await page.route("**/admin/cashless/doors/*/check-ins", (route) => route.abort("internetdisconnected"))
      const count = posted.length
      await scan(secret)
      const shown = await nextVerdict(count + 1, /^NO ANSWER$/)
      expect(shown.tone).toBe("grey")
      expect((await ticket(next.id)).status).toBe("valid")
      await accessible("no answer")
      await step("no-answer")
      await page.unroute("**/admin/cashless/doors/*/check-ins")
      await testId("verdict").getByRole("button", { name: "Try again" }).click()
      await nextVerdict(count + 2, /^ADMITTED$/)
      expect(posted.slice(count)).toHaveLength(2)
      expect(posted[count + 1]).toEqual(posted[count])
      expect((await ticket(next.id)).status).toBe("checked_in")
      await textOf(testId("counter-checked-in"), /^3$/)
      expect((await event(gig.id)).counts.checked_in).toBe(3)
    })

    it("takes the taps of a reader paired to the door through the server, as a till on a tablet does", async () => {
      // A reader paired to Entrance (remote mode): its taps reach the door's page over the server's stream.
      const agentCall = async (path: string, token: string | null, body?: unknown) => {
        const res = await fetch(`${shop.base}${path}`, {
          method: body === undefined ? "GET" : "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        return { status: res.status, data: (await res.json()) as Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
      }
      const { pairing_code } = await ok("pairing code", admin.post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: entrance.id, name: "Gate reader" }), 201)
      const paired = await agentCall("/cashless/devices/pair", null, { code: pairing_code.code, agent_version: "0.1.0" })
      expect(paired.status).toBe(201)
      const token = paired.data.token as string
      expect((await agentCall("/cashless/devices/me/status", token, { readers: ["ACS ACR122U"], pcsc: "ok" })).status).toBe(200)

      await door().getByRole("button", { name: /Reader settings/ }).click()
      const settings = testId("reader-settings")
      await settings.getByLabel("Paired readers of this point of sale (through the server)").click()
      await settings.getByRole("button", { name: "Save" }).click()
      await textOf(testId("reader-status"), /Remote readers: 1 online/)
      await testId("scan-input").waitFor()
      // Back from the settings, the check-in desk starts afresh: no verdict shown, serials from 0.
      expect(await testId("verdict-idle").count()).toBe(1)
      seenSerial = 0

      // Every ticket of the holder is used by now: the card admits no one more, and the door says
      // when the holder went in (the server answers already_checked_in for such a card, not no_ticket).
      expect((await gigTicketsOfHolder()).filter((t) => t.status === "valid")).toHaveLength(0)
      const count = posted.length
      const tapped = await agentCall(`/cashless/tills/${entrance.id}/taps`, token, { tap_id: randomUUID(), uid: card.uid, at: new Date().toISOString() })
      expect(tapped).toEqual({ status: 202, data: { delivered: 1 } })
      const shown = await nextVerdict(count + 1, /^ALREADY CHECKED IN$/)
      expect(posted[count]).toEqual({ event_id: gig.id, uid: card.uid, idempotency_key: expect.stringMatching(UUID) })
      expect(shown).toMatchObject({ tone: "amber", detail: expect.stringMatching(/^at \d\d:\d\d by Chloé Cashier at Entrance$/), remaining: null })
      expect((await event(gig.id)).counts.checked_in).toBe(3)
      await accessible("remote tap")
      await step("remote-tap-already")
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
