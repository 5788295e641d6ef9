/**
 * The memberships admin UI on `npm run serve` (production build, fresh embedded database), in
 * headless Chromium: Cashless → Memberships, a plan created through its drawer, a membership
 * granted, cancelled with a reason and exported, the customer widget, a member import with a
 * bad line, and the product's members-only switch. Every step is checked against the admin API.
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
/** Shared by the names of one run, so searches find only this run's records. */
const RUN = randomUUID().slice(0, 8)

type Membership = {
  id: string
  plan_id: string
  customer_id: string | null
  state: string
  source: string
  source_ref: string
  note: string | null
  ends_at: string | null
  cancel_reason: string | null
}

describe("memberships admin UI on npm run serve", () => {
  let shop: ServedShop
  let run: Launch
  let base: string
  let admin: AdminHttp

  const ok = async (what: string, res: Promise<{ status: number; data: Record<string, any> }>, status = 200) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const answer = await res
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.data)}`)
    return answer.data
  }
  const membershipsOf = async (customerId: string): Promise<Membership[]> =>
    (await ok("list memberships", admin.get(`/admin/cashless/memberships?customer_id=${customerId}`))).memberships

  beforeAll(async () => {
    shop = await serveShop("cashless-memberships-admin")
    ;({ run, base } = shop)
    const { email, password } = printed(run)
    admin = await adminHttp(base, email, password)
  })

  afterAll(async () => {
    await shop?.stop()
  })

  describeBrowser("the memberships pages in headless Chromium", () => {
    let browser: Browser
    let page: Page
    const pageErrors: string[] = []
    let seasonPlan: { id: string; name: string }
    let customer: { id: string; email: string }
    let groupId: string
    let grantedId: string

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
    /** A @medusajs/ui Select: open its trigger, pick the option. */
    const choose = async (scope: Locator, trigger: string, option: string | RegExp) => {
      await scope.getByRole("combobox", { name: trigger }).click()
      await page.getByRole("option", { name: option }).click()
    }
    /** A row's cells as read: runs of whitespace (line breaks between a name and its email) as one space. */
    // allInnerTexts does not wait: a row still loading would read as no cells at all.
    const cellsOf = async (row: Locator) => {
      await row.first().waitFor({ state: "visible", timeout: 30_000 })
      return (await row.locator("td").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim())
    }
    const row = (membershipId: string) => main().locator(`tr[data-membership-id="${membershipId}"]`)
    /** Toasts stack at the bottom right, over buttons; a pointer resting on them pauses their timers. */
    const toastsGone = async () => {
      await page.mouse.move(400, 100)
      const deadline = Date.now() + 30_000
      while ((await page.locator("[data-sonner-toast]").count()) > 0) {
        if (Date.now() > deadline) throw new Error("toasts still shown after 30 s")
        await page.waitForTimeout(200)
      }
    }

    beforeAll(async () => {
      seasonPlan = (
        await ok(
          "create plan",
          admin.post("/admin/cashless/membership-plans", { name: `Season ${RUN}`, duration_unit: "days", duration_count: 30 }),
          201
        )
      ).plan
      customer = (
        await ok(
          "create customer",
          admin.post("/admin/customers", { email: `member-${RUN}@example.com`, first_name: "Member", last_name: "Tester" })
        )
      ).customer
      groupId = (await ok("create group", admin.post("/admin/customer-groups", { name: `Members ${RUN}` }))).customer_group.id
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

    it("opens Memberships from the Cashless page and lists the plans", async () => {
      await page.getByRole("link", { name: "Cashless" }).click()
      await page.waitForURL(/\/app\/cashless$/)
      await main().getByRole("navigation", { name: "Cashless sections" }).getByRole("link", { name: /^Memberships/ }).click()
      await page.waitForURL(/\/app\/cashless\/memberships$/)
      await textOf(main().getByRole("heading", { level: 1 }), /^Memberships$/)
      // The demo seed's members: an anonymous card's membership among them.
      await textOf(main(), /Card N° 0001 \(anonymous\)\s*Festival weekend membership\s*Valid/)

      await main().getByRole("tab", { name: "Plans" }).click()
      await page.waitForURL(/tab=plans/)
      const cells = await cellsOf(main().getByRole("row", { name: `plan Season ${RUN}` }))
      expect(cells.slice(0, 5)).toEqual([`Season ${RUN}`, "30 days", "None", "0", "Active"])
    })

    it("creates a plan through the drawer, with its group, parallel runs and a variant", async () => {
      await main().getByRole("button", { name: "Create plan" }).click()
      await drawer().getByRole("button", { name: "Create plan" }).click()
      await textOf(drawer(), /A name is required/)

      await drawer().getByLabel("Name").fill(`Annual ${RUN}`)
      await drawer().getByLabel("Description").fill("Twelve months from the day of purchase")
      // Lifetime has no count; months have one.
      await choose(drawer(), "Duration", "Lifetime")
      expect(await drawer().getByLabel(/^Number of/).count()).toBe(0)
      await choose(drawer(), "Duration", "Months")
      await drawer().getByLabel("Number of months").fill("12")
      await choose(drawer(), "Customer group", `Members ${RUN}`)
      await drawer().getByRole("switch", { name: "Parallel memberships" }).click()
      await drawer().getByRole("searchbox", { name: "Search products" }).fill("Festival pass")
      await drawer().getByRole("group", { name: "Festival pass (3 days)" }).getByRole("checkbox", { name: "Standard" }).click()
      await textOf(drawer().locator('[aria-label="Selected variants"]'), /Festival pass \(3 days\) · Standard/)
      await drawer().getByRole("button", { name: "Create plan" }).click()
      await toast(`Plan Annual ${RUN} created`).waitFor({ timeout: 30_000 })
      await drawer().waitFor({ state: "hidden" })

      const { plans } = await ok("list plans", admin.get("/admin/cashless/membership-plans"))
      const created = plans.find((p: { name: string }) => p.name === `Annual ${RUN}`)
      expect(created).toMatchObject({
        description: "Twelve months from the day of purchase",
        duration_unit: "months",
        duration_count: 12,
        duration_label: "12 months",
        customer_group_id: groupId,
        allow_parallel: true,
        archived_at: null,
      })
      expect(created.variant_ids).toHaveLength(1)
      const cells = await cellsOf(main().getByRole("row", { name: `plan Annual ${RUN}` }))
      expect(cells.slice(0, 5)).toEqual([
        `Annual ${RUN} Twelve months from the day of purchase`,
        "12 months · parallel",
        `Members ${RUN}`,
        "1",
        "Active",
      ])

      // Edit: the drawer opens on the plan, with its variant named.
      await main().getByRole("row", { name: `plan Annual ${RUN}` }).getByRole("button", { name: "Edit" }).click()
      expect(await drawer().getByLabel("Name").inputValue()).toBe(`Annual ${RUN}`)
      await textOf(drawer().locator('[aria-label="Selected variants"]'), /Festival pass \(3 days\) · Standard/)
      await drawer().getByLabel("Number of months").fill("6")
      await drawer().getByRole("button", { name: "Save" }).click()
      await toast(`Plan Annual ${RUN} saved`).waitFor({ timeout: 30_000 })
      await textOf(main().getByRole("row", { name: `plan Annual ${RUN}` }), /6 months · parallel/)

      // Archive, then unarchive.
      await toastsGone()
      const annual = main().getByRole("row", { name: `plan Annual ${RUN}` })
      await annual.getByRole("button", { name: "Archive" }).click()
      await textOf(annual, /Archived/)
      expect((await ok("plan", admin.get(`/admin/cashless/membership-plans/${created.id}`))).plan.archived_at).not.toBeNull()
      await annual.getByRole("button", { name: "Unarchive" }).click()
      await textOf(annual, /Active/)
      expect((await ok("plan", admin.get(`/admin/cashless/membership-plans/${created.id}`))).plan.archived_at).toBeNull()
    })

    it("grants a membership to the customer through the drawer and shows it valid", async () => {
      await main().getByRole("tab", { name: "Members" }).click()
      await main().getByRole("button", { name: "Grant membership" }).click()
      await drawer().getByRole("button", { name: "Grant", exact: true }).click()
      await textOf(drawer(), /Choose a plan\.[\s\S]*Choose the customer\./)

      await choose(drawer(), "Plan", new RegExp(`^Season ${RUN}`))
      await drawer().getByLabel("Customer").fill(`member-${RUN}`)
      await drawer().getByRole("button", { name: new RegExp(`Member Tester · member-${RUN}@example\\.com`) }).click()
      await textOf(drawer().locator('[aria-label="Chosen customer"]'), new RegExp(`Member Tester[\\s\\S]*member-${RUN}@example\\.com`))
      await drawer().getByLabel("Note").fill("Volunteer of the year")
      await drawer().getByRole("button", { name: "Grant", exact: true }).click()
      await toast("Membership granted").waitFor({ timeout: 30_000 })
      await drawer().waitFor({ state: "hidden" })

      const [granted, ...others] = await membershipsOf(customer.id)
      expect(others).toEqual([])
      expect(granted).toMatchObject({ plan_id: seasonPlan.id, state: "valid", source: "admin", note: "Volunteer of the year" })
      expect(granted.source_ref).toMatch(UUID)
      grantedId = granted.id

      await page.getByRole("searchbox", { name: "Search members" }).fill(`member-${RUN}`)
      await page.waitForURL(/q=member-/)
      const cells = await cellsOf(row(grantedId))
      expect(cells.slice(0, 3)).toEqual([`Member Tester member-${RUN}@example.com`, `Season ${RUN}`, "Valid"])
      expect(cells[5]).toBe("Staff")
      expect(cells[4]).not.toBe("lifetime")
    })

    it("cancels it with a required reason, filters by state and exports the CSV with the filters", async () => {
      await toastsGone()
      await row(grantedId).getByRole("button", { name: "Cancel" }).click()
      await drawer().getByRole("button", { name: "Cancel membership" }).click()
      await textOf(drawer(), /A reason is required/)
      await drawer().getByLabel("Reason").fill("Left the association")
      await drawer().getByRole("button", { name: "Cancel membership" }).click()
      await toast("Membership cancelled").waitFor({ timeout: 30_000 })
      await textOf(row(grantedId), /Cancelled\s+Left the association/)
      expect(await row(grantedId).getByRole("button", { name: "Cancel" }).count()).toBe(0)
      const [cancelled] = await membershipsOf(customer.id)
      expect(cancelled).toMatchObject({ id: grantedId, state: "cancelled", cancel_reason: "Left the association" })

      await choose(main(), "State", "Valid")
      await page.waitForURL(/state=valid/)
      await textOf(main(), /No membership matches\./)
      await choose(main(), "State", "Cancelled")
      await page.waitForURL(/state=cancelled/)
      await row(grantedId).waitFor()

      // The export link carries the filters and works with the browser's session.
      const href = await main().getByRole("link", { name: "Export CSV" }).getAttribute("href")
      expect(new URLSearchParams(href!.split("?")[1]).toString()).toBe(`q=member-${RUN}&state=cancelled&format=csv`)
      const csv = await page.request.get(`${base}${href}`)
      expect(csv.status()).toBe(200)
      const lines = (await csv.text()).trim().split("\r\n")
      expect(lines[0]).toBe("membership_id,email,name,card,plan,state,starts_at,ends_at,source,source_ref,cancel_reason")
      expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${grantedId},member-${RUN}@example\\.com,Member Tester,,Season ${RUN},cancelled,.*,admin,.*,Left the association$`))])
    })

    it("shows the customer's status on their page and grants from there", async () => {
      await page.goto(`${base}/app/customers/${customer.id}`)
      const widget = page.getByRole("region", { name: "Memberships" })
      await textOf(widget.locator("[data-membership-status]"), /^\s*No membership\s*$/, 60_000)
      await textOf(widget.locator(`[data-membership-id="${grantedId}"]`), new RegExp(`Season ${RUN}\\s+Cancelled[\\s\\S]*Staff\\s+Left the association`))

      await widget.getByRole("button", { name: "Grant" }).click()
      await textOf(drawer(), new RegExp(`A membership for member-${RUN}@example\\.com`))
      expect(await drawer().getByLabel("Customer").count()).toBe(0)
      await choose(drawer(), "Plan", new RegExp(`^Season ${RUN}`))
      await drawer().getByRole("button", { name: "Grant", exact: true }).click()
      await toast("Membership granted").waitFor({ timeout: 30_000 })

      const valid = (await membershipsOf(customer.id)).find((m) => m.state === "valid")!
      expect(valid.ends_at).not.toBeNull()
      const { membership } = await ok("customer memberships", admin.get(`/admin/cashless/customers/${customer.id}/memberships`))
      expect(membership).toMatchObject({ status: "valid", ends_at: valid.ends_at, plan: { id: seasonPlan.id } })
      const status = await textOf(widget.locator('[data-membership-status="valid"]'), /^\s*Valid until .+ \(Season /)
      // 30 days from now, shown in the browser's time zone.
      expect(status).toContain(String(new Date(valid.ends_at!).getFullYear()))
      expect(await widget.locator("[data-membership-id]").count()).toBe(2)
      await textOf(widget.locator(`[data-membership-id="${valid.id}"]`), new RegExp(`Season ${RUN}\\s+Valid[\\s\\S]*→[\\s\\S]*Staff`))
      expect(await widget.locator(`[data-membership-id="${valid.id}"]`).getByRole("button", { name: "Cancel" }).count()).toBe(1)
    })

    it("imports members from pasted lines and lists the bad line", async () => {
      await page.goto(`${base}/app/cashless/memberships`)
      await main().getByRole("button", { name: "Import members" }).click()
      await drawer()
        .getByLabel("Lines")
        .fill(`email,plan,start,end\nimported-${RUN}@example.com,Season ${RUN},2026-01-01,2099-12-31\nbad-${RUN}@example.com,No such plan,2026-01-01`)
      await drawer().getByRole("button", { name: "Import", exact: true }).click()
      await textOf(drawer(), /2 lines read · 1 imported · 0 already imported · 1 skipped · 1 customers created/)
      await textOf(
        drawer().getByRole("list", { name: "Skipped lines" }),
        new RegExp(`^Line 3 \\(bad-${RUN}@example\\.com\\): No plan is named "No such plan"`)
      )
      await page.keyboard.press("Escape")
      await drawer().waitFor({ state: "hidden" })

      const { memberships } = await ok("imported", admin.get(`/admin/cashless/memberships?q=imported-${RUN}`))
      expect(memberships).toHaveLength(1)
      expect(memberships[0]).toMatchObject({ plan_id: seasonPlan.id, state: "valid", source: "import", holder: { email: `imported-${RUN}@example.com` } })
      const { customers } = await ok("bad customer", admin.get(`/admin/customers?q=bad-${RUN}`))
      expect(customers).toEqual([])

      await page.getByRole("searchbox", { name: "Search members" }).fill(`imported-${RUN}`)
      await textOf(row(memberships[0].id), new RegExp(`imported-${RUN}@example\\.com\\s+Season ${RUN}\\s+Valid[\\s\\S]*Dec 31, 2099[\\s\\S]*Import`))
    })

    it("grants to an anonymous card by its id, listed as that card", async () => {
      const { cards } = await ok("cards", admin.get("/admin/cashless/cards?limit=50"))
      const card = (cards as Array<{ id: string; holder: unknown; status: string; printed_number: string | null }>).find(
        (c) => !c.holder && (c.status === "new" || c.status === "active") && c.printed_number
      )!
      await toastsGone()
      await page.goto(`${base}/app/cashless/memberships`)
      await main().getByRole("button", { name: "Grant membership" }).click()
      await choose(drawer(), "Plan", new RegExp(`^Season ${RUN}`))
      await choose(drawer(), "For", "An anonymous card")
      await drawer().getByLabel("Card id").fill(card.id)
      await drawer().getByRole("button", { name: "Grant", exact: true }).click()
      await toast(`Card N° ${card.printed_number} (anonymous)`).waitFor({ timeout: 30_000 })

      const { memberships } = await ok("by plan", admin.get(`/admin/cashless/memberships?plan_id=${seasonPlan.id}&limit=50`))
      const onCard = (memberships as Array<Membership & { card: { id: string } | null }>).filter((m) => m.card?.id === card.id)
      expect(onCard).toHaveLength(1)
      expect(onCard[0]).toMatchObject({ customer_id: null, state: "valid", source: "admin" })
      await choose(main(), "Plan", `Season ${RUN}`)
      await page.waitForURL(/plan_id=/)
      const cells = await cellsOf(row(onCard[0].id))
      expect(cells.slice(0, 3)).toEqual([`Card N° ${card.printed_number} (anonymous)`, `Season ${RUN}`, "Valid"])
    })

    it("makes a product members-only from its page, and open again", async () => {
      const { products } = await ok("products", admin.get("/admin/products?q=Coffee&fields=id,title,metadata"))
      const coffee = products[0] as { id: string; metadata: Record<string, unknown> | null }
      await page.goto(`${base}/app/products/${coffee.id}`)
      const widget = page.getByRole("region", { name: "Members only" })
      const toggle = widget.getByRole("switch", { name: "Only valid members can buy this product" })
      await toggle.waitFor({ timeout: 60_000 })
      expect(await toggle.getAttribute("aria-checked")).toBe("false")
      await toggle.click()
      await toast("Members only: only valid members can buy it").waitFor({ timeout: 30_000 })
      expect(await toggle.getAttribute("aria-checked")).toBe("true")
      const on = (await ok("product", admin.get(`/admin/products/${coffee.id}?fields=metadata`))).product.metadata
      expect(on).toEqual({ ...coffee.metadata, cashless_members_only: "true" })

      await toggle.click()
      await toast("Open to everyone").waitFor({ timeout: 30_000 })
      expect(await toggle.getAttribute("aria-checked")).toBe("false")
      const off = (await ok("product", admin.get(`/admin/products/${coffee.id}?fields=metadata`))).product.metadata ?? {}
      expect(off).not.toHaveProperty("cashless_members_only")
    })

    it("raised no error in the page", () => {
      expect(pageErrors).toEqual([])
    })
  })

  it("stops the production server and the database on Ctrl-C", async () => {
    expect(await ctrlC(run)).toBe(0)
  })
})
