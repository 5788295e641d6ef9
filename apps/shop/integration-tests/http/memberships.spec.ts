import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import remindersJob from "medusa-plugin-cashless/jobs/membership-reminders"
import { registerCard } from "../helpers/cards"
import { key, ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { publishableKey, storeCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// Memberships over HTTP: plans, staff grants and renewals, cancellation, checks by card, QR and
// customer, anonymous cards and binding, customer privacy, CSV import, renewal reminders.
// Checkout, member prices and members-only products are in membership-shop.spec.ts.
jest.setTimeout(180_000)
delete process.env.REDIS_URL

const HOUR = 3_600_000
const DAY = 24 * HOUR

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let storeKey: string

    beforeEach(async () => {
      admin = await ledgerClient(getContainer(), api)
      storeKey = await publishableKey(getContainer())
    })

    let plans = 0
    async function plan(body: Record<string, unknown> = {}) {
      const res = await admin.post("/admin/cashless/membership-plans", {
        name: `Plan ${++plans} ${Date.now()}`,
        duration_unit: "calendar_year",
        ...body,
      })
      if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(res.data)}`)
      return res.data.plan as { id: string; name: string; customer_group_id: string | null }
    }
    const grant = (body: Record<string, unknown>) =>
      admin.post("/admin/cashless/memberships", { idempotency_key: key("grant"), ...body })
    const count = async (sql: string, bindings: unknown[]) => Number((await db.raw(sql, bindings)).rows[0].n)

    it("creates plans, and refuses bad ones with a readable 400 that writes nothing", async () => {
      const before = await count(`select count(*) as n from cashless_membership_plan`, [])
      const bad = await admin.post("/admin/cashless/membership-plans", { name: "Weekly", duration_unit: "weeks" })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/duration_unit/)
      const zero = await admin.post("/admin/cashless/membership-plans", { name: "Zero", duration_unit: "days", duration_count: 0 })
      expect(zero.status).toBe(400)
      expect(zero.data.message).toMatch(/duration_count must be from 1 to 1000/)
      const extra = await admin.post("/admin/cashless/membership-plans", { name: "X", duration_unit: "days", price: 10 })
      expect(extra.status).toBe(400)
      expect(await count(`select count(*) as n from cashless_membership_plan`, [])).toBe(before)

      const created = await plan({ duration_unit: "days", duration_count: 3, variant_ids: ["variant_a"] })
      const listed = (await admin.get("/admin/cashless/membership-plans")).data.plans
      expect(listed.find((p: { id: string }) => p.id === created.id)).toMatchObject({
        duration_label: "3 days",
        variant_ids: ["variant_a"],
        allow_parallel: false,
      })
      const same = await admin.post("/admin/cashless/membership-plans", { name: created.name.toUpperCase(), duration_unit: "days" })
      expect(same.status).toBe(400)
      expect(same.data.message).toMatch(/already exists/)
      const taken = await admin.post("/admin/cashless/membership-plans", { name: `Other ${Date.now()}`, duration_unit: "days", variant_ids: ["variant_a"] })
      expect(taken.status).toBe(409)
      expect(taken.data).toMatchObject({ code: "variant_taken" })
      expect(taken.data.message).toContain(created.name)
    })

    it("grants once per idempotency key, renews from the current end while valid and from now after expiry", async () => {
      const alice = await storeCustomer(api, storeKey, "Alice")
      const yearly = await plan({ duration_unit: "months", duration_count: 12 })
      const k = key("grant")
      const first = await admin.post("/admin/cashless/memberships", { plan_id: yearly.id, customer_id: alice.id, idempotency_key: k })
      expect(first.status).toBe(201)
      expect(first.data).toMatchObject({ created: true, membership: { state: "valid", source: "admin", holder: { id: alice.id } } })
      const replay = await admin.post("/admin/cashless/memberships", { plan_id: yearly.id, customer_id: alice.id, idempotency_key: k })
      expect(replay.status).toBe(200)
      expect(replay.data).toMatchObject({ created: false, membership: { id: first.data.membership.id } })
      const other = await admin.post("/admin/cashless/memberships", { plan_id: yearly.id, customer_id: alice.id, periods: 2, idempotency_key: k })
      expect(other.status).toBe(409)
      expect(other.data.code).toBe("idempotency_conflict")

      // Renewal while valid starts exactly where the first one ends.
      const renewal = await grant({ plan_id: yearly.id, customer_id: alice.id })
      expect(renewal.data.membership.starts_at).toBe(first.data.membership.ends_at)
      expect(renewal.data.membership.state).toBe("upcoming")
      const check = (await admin.get(`/admin/cashless/membership-check?customer_id=${alice.id}`)).data.membership
      expect(check).toMatchObject({ status: "valid", ends_at: renewal.data.membership.ends_at, plan: { id: yearly.id } })

      // After expiry, a renewal starts now.
      const bob = await storeCustomer(api, storeKey, "Bob")
      const old = await grant({
        plan_id: yearly.id,
        customer_id: bob.id,
        starts_at: new Date(Date.now() - 400 * DAY).toISOString(),
        ends_at: new Date(Date.now() - 35 * DAY).toISOString(),
      })
      expect(old.data.membership.state).toBe("expired")
      const expired = (await admin.get(`/admin/cashless/membership-check?customer_id=${bob.id}`)).data.membership
      expect(expired).toMatchObject({ status: "expired", ends_at: old.data.membership.ends_at })
      const before = Date.now()
      const fresh = await grant({ plan_id: yearly.id, customer_id: bob.id })
      expect(Date.parse(fresh.data.membership.starts_at)).toBeGreaterThanOrEqual(before - 1000)
      expect(Date.parse(fresh.data.membership.starts_at)).toBeLessThanOrEqual(Date.now())
      expect((await admin.get(`/admin/cashless/membership-check?customer_id=${bob.id}`)).data.membership.status).toBe("valid")
    })

    it("chains concurrent renewals and grants a replayed key once, under real parallel requests", async () => {
      const carol = await storeCustomer(api, storeKey, "Carol")
      const monthly = await plan({ duration_unit: "months", duration_count: 1 })
      const k = key("same")
      const same = await Promise.all(
        Array.from({ length: 6 }, () => admin.post("/admin/cashless/memberships", { plan_id: monthly.id, customer_id: carol.id, idempotency_key: k }))
      )
      expect(new Set(same.map((r) => r.data.membership.id)).size).toBe(1)
      expect(same.filter((r) => r.status === 201)).toHaveLength(1)
      const renewals = await Promise.all(Array.from({ length: 5 }, () => grant({ plan_id: monthly.id, customer_id: carol.id })))
      expect(renewals.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
      const { rows } = await db.raw(
        `select starts_at, ends_at from cashless_membership where customer_id = ? and plan_id = ? order by starts_at`,
        [carol.id, monthly.id]
      )
      expect(rows).toHaveLength(6)
      // Back to back: each period starts where the previous one ends, none overlaps.
      for (let i = 1; i < rows.length; i++) expect(+rows[i].starts_at).toBe(+rows[i - 1].ends_at)
    })

    it("runs parallel memberships side by side when the plan allows it", async () => {
      const dave = await storeCustomer(api, storeKey, "Dave")
      const day = await plan({ duration_unit: "days", duration_count: 1, allow_parallel: true })
      const a = await grant({ plan_id: day.id, customer_id: dave.id })
      const b = await grant({ plan_id: day.id, customer_id: dave.id })
      expect(Math.abs(Date.parse(a.data.membership.starts_at) - Date.parse(b.data.membership.starts_at))).toBeLessThan(60_000)
      expect(b.data.membership.state).toBe("valid")
    })

    it("cancels with a reason, which is kept, and the member is no longer valid", async () => {
      const erin = await storeCustomer(api, storeKey, "Erin")
      const p = await plan()
      const granted = await grant({ plan_id: p.id, customer_id: erin.id })
      const id = granted.data.membership.id
      const noReason = await admin.post(`/admin/cashless/memberships/${id}/cancel`, {})
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toMatch(/reason/)
      expect((await admin.get(`/admin/cashless/memberships/${id}`)).data.membership.state).toBe("valid")
      const cancelled = await admin.post(`/admin/cashless/memberships/${id}/cancel`, { reason: "Paid twice, refunded" })
      expect(cancelled.status).toBe(200)
      expect(cancelled.data).toMatchObject({ changed: true, membership: { state: "cancelled", cancel_reason: "Paid twice, refunded" } })
      expect(cancelled.data.membership.cancelled_by).toMatch(/^user:/)
      const again = await admin.post(`/admin/cashless/memberships/${id}/cancel`, { reason: "again" })
      expect(again.data).toMatchObject({ changed: false, membership: { cancel_reason: "Paid twice, refunded" } })
      expect((await admin.get(`/admin/cashless/membership-check?customer_id=${erin.id}`)).data.membership.status).toBe("none")
      expect((await admin.post(`/admin/cashless/memberships/mship_nope/cancel`, { reason: "x" })).status).toBe(404)
    })

    it("checks an anonymous card by UID and QR token, and moves its membership to the customer on binding", async () => {
      const card = await registerCard(admin, db, "Members", "M")
      const group = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomerGroups({ name: `Members ${Date.now()}` })
      const p = await plan({ duration_unit: "days", duration_count: 30, customer_group_id: group.id })
      const none = await admin.get(`/admin/cashless/membership-check?uid=${card.uid}`)
      expect(none.data.membership).toMatchObject({ status: "none", plan: null, ends_at: null })

      const granted = await grant({ plan_id: p.id, card_id: card.id })
      expect(granted.status).toBe(201)
      expect(granted.data.membership).toMatchObject({ customer_id: null, holder: null, card: { id: card.id } })
      const byUid = (await admin.get(`/admin/cashless/membership-check?uid=${card.uid}`)).data
      expect(byUid.membership).toMatchObject({ status: "valid", plan: { id: p.id, customer_group_id: group.id } })
      // The card page after a tap shows it too.
      expect((await admin.post("/admin/cashless/card-taps", { uid: card.uid })).data.card.membership.status).toBe("valid")

      // The QR code tells a stranger valid / plan / end, nothing personal.
      const publicView = await api.get(`/store/cashless/qr/${card.qr_token}/membership`, { headers: { "x-publishable-api-key": storeKey } })
      expect(publicView.data).toEqual({ membership: { status: "valid", plan: { name: p.name }, ends_at: byUid.membership.ends_at } })
      const qrCard = await api.get(`/store/cashless/qr/${card.qr_token}`, { headers: { "x-publishable-api-key": storeKey } })
      expect(qrCard.data.card.membership.status).toBe("valid")

      const frank = await storeCustomer(api, storeKey, "Frank")
      const claim = await frank.post("/store/cashless/me/cards/claim", { qr_token: card.qr_token, printed_number: card.printed_number })
      expect(claim.status).toBe(200)
      const mine = (await frank.get("/store/cashless/me/memberships")).data
      expect(mine.membership).toMatchObject({ status: "valid", plan: { id: p.id } })
      expect(mine.memberships).toHaveLength(1)
      expect((await admin.get(`/admin/cashless/membership-check?uid=${card.uid}`)).data.membership.status).toBe("valid")
      const { rows } = await db.raw(`select customer_id, wallet_id from cashless_membership where id = ?`, [granted.data.membership.id])
      expect(rows[0]).toEqual({ customer_id: frank.id, wallet_id: null })
      // Now a customer, the member is in the plan's group: member prices apply to them.
      const inGroup = await getContainer()
        .resolve(Modules.CUSTOMER)
        .listCustomerGroupCustomers({ customer_id: frank.id, customer_group_id: group.id })
      expect(inGroup).toHaveLength(1)
    })

    it("shows customers only their own memberships", async () => {
      const [a, b] = [await storeCustomer(api, storeKey, "Gina"), await storeCustomer(api, storeKey, "Hugo")]
      const p = await plan()
      await grant({ plan_id: p.id, customer_id: a.id })
      expect((await a.get("/store/cashless/me/memberships")).data.memberships).toHaveLength(1)
      const other = (await b.get("/store/cashless/me/memberships")).data
      expect(other.memberships).toEqual([])
      expect(other.membership.status).toBe("none")
      const anonymous = await api.get("/store/cashless/me/memberships", {
        headers: { "x-publishable-api-key": storeKey },
        validateStatus: () => true,
      })
      expect(anonymous.status).toBe(401)
    })

    it("imports members from CSV, skips bad lines with reasons, and imports nothing twice", async () => {
      const p = await plan({ name: `Adhésion ${Date.now()}` })
      const existing = await storeCustomer(api, storeKey, "Ines")
      const newEmail = `new-${Date.now()}@example.com`
      const csv = [
        "email;plan;start;end",
        `${existing.email};${p.name};2026-01-01;2026-12-31`,
        `${newEmail.toUpperCase()};${p.name.toLowerCase()};01/09/2026;`,
        `not-an-email;${p.name};2026-01-01;2026-12-31`,
        `someone@example.com;No such plan;2026-01-01;`,
        `someone@example.com;${p.name};2026-13-45;`,
        `someone@example.com;${p.name};2026-06-01;2026-01-01`,
      ].join("\n")
      const res = await admin.post("/admin/cashless/membership-imports", { csv })
      expect(res.status).toBe(200)
      expect(res.data.import).toMatchObject({ total_rows: 6, imported: 2, already_imported: 0, skipped: 4, customers_created: 1 })
      expect(res.data.import.problems.map((x: { line: number }) => x.line)).toEqual([4, 5, 6, 7])
      expect(res.data.import.problems[1].reason).toMatch(/No plan is named "No such plan"/)
      const mine = (await admin.get(`/admin/cashless/customers/${existing.id}/memberships`)).data
      // "2026-12-31" means valid all that day: the membership ends at midnight, Paris time.
      expect(mine.memberships[0]).toMatchObject({ source: "import", starts_at: "2025-12-31T23:00:00.000Z", ends_at: "2026-12-31T23:00:00.000Z" })
      const { rows } = await db.raw(
        `select m.ends_at from cashless_membership m join customer c on c.id = m.customer_id where c.email = ?`,
        [newEmail]
      )
      // No end given: the plan's rule (calendar year) from 1 September.
      expect(new Date(rows[0].ends_at).toISOString()).toBe("2026-12-31T23:00:00.000Z")

      const again = await admin.post("/admin/cashless/membership-imports", { csv })
      expect(again.data.import).toMatchObject({ imported: 0, already_imported: 2, customers_created: 0 })
      const empty = await admin.post("/admin/cashless/membership-imports", { csv: "  " })
      expect(empty.status).toBe(400)
      expect(empty.data.message).toMatch(/csv is empty/)
    })

    it("reminds a member once before the end, by a readable notification, unless renewed", async () => {
      const container = getContainer()
      const jim = await storeCustomer(api, storeKey, "Jim")
      const kim = await storeCustomer(api, storeKey, "Kim")
      const p = await plan({ name: `Reminded ${Date.now()}` })
      const ending = new Date(Date.now() + 3 * DAY)
      const soon = await grant({ plan_id: p.id, customer_id: jim.id, starts_at: new Date(Date.now() - DAY).toISOString(), ends_at: ending.toISOString() })
      await grant({ plan_id: p.id, customer_id: kim.id, starts_at: new Date(Date.now() - DAY).toISOString(), ends_at: ending.toISOString() })
      await grant({ plan_id: p.id, customer_id: kim.id }) // renewed: no reminder for Kim

      await remindersJob(container)
      const notifications = container.resolve(Modules.NOTIFICATION)
      // The local provider logs the message; the notification row keeps what was sent in `data`.
      let sent: Array<{ to: string; data?: { subject?: string; text?: string } | null; resource_id?: string | null; status?: string }> = []
      for (let i = 0; i < 100 && !sent.length; i++) {
        sent = await notifications.listNotifications({ template: "cashless-membership-expiring", to: jim.email })
        if (!sent.length) await new Promise((r) => setTimeout(r, 100))
      }
      expect(sent).toHaveLength(1)
      expect(sent[0].resource_id).toBe(soon.data.membership.id)
      expect(sent[0].status).toBe("success")
      expect(sent[0].data?.subject).toContain(`Your membership "${p.name}" ends on`)
      expect(sent[0].data?.text).toMatch(/^Hello Jim,\n\nyour membership ".+" ends on \d+ \w+ \d{4}/)
      await remindersJob(container)
      await new Promise((r) => setTimeout(r, 300))
      expect(await notifications.listNotifications({ template: "cashless-membership-expiring", to: jim.email })).toHaveLength(1)
      expect(await notifications.listNotifications({ template: "cashless-membership-expiring", to: kim.email })).toHaveLength(0)
    })
  },
})
