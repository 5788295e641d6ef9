import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { TillModuleService } from "medusa-plugin-cashless/modules/till"
import { dirname, join } from "node:path"
import { adminUser, type AdminUser } from "../helpers/admin-session"
import { key } from "../helpers/ledger-api"

// Staff roles enforced by the plugin (#7): Medusa's role-based access is off by default, so
// without them any admin user could create money. Bootstrap (everyone is an admin until one is
// named), then cashiers, managers and users without a role against the permission table, the
// last admin, and deny by default for every route the app loaded.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type RouteDescriptor = { matcher: string; method: string }
type Lookup = { findPermission(method: string, path: string): { permission: { path: string; role: string } } | null }

const NO_ROLE = "You have no cashless role: ask a cashless admin to give you one."

/** The routes the app serves from the built plugin, found by Medusa's own route loader. */
async function pluginAdminRoutes(): Promise<RouteDescriptor[]> {
  const framework = dirname(require.resolve("@medusajs/framework"))
  const { RoutesLoader } = require(join(framework, "http", "routes-loader.js")) // eslint-disable-line @typescript-eslint/no-require-imports
  const loader = new RoutesLoader()
  await loader.scanDir(join(dirname(require.resolve("medusa-plugin-cashless/package.json")), ".medusa", "server", "src", "api"))
  return (loader.getRoutes() as RouteDescriptor[]).filter((r) => r.matcher.startsWith("/admin/cashless"))
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let boss: AdminUser // the first admin named
    let other: AdminUser // never given a role
    let cashier: AdminUser
    let manager: AdminUser

    const as = (user: AdminUser) => {
      const config = { headers: user.headers, validateStatus: () => true }
      return {
        get: (url: string): Promise<Response> => api.get(url, config),
        post: (url: string, body: unknown = {}): Promise<Response> => api.post(url, body, config),
      }
    }
    const setRole = (by: AdminUser, user: AdminUser, body: Record<string, unknown>) => as(by).post(`/admin/cashless/staff/${user.id}`, body)
    const expectRefused = (res: Response, message: string) => {
      expect({ status: res.status, code: res.data.code, message: res.data.message }).toEqual({ status: 403, code: "forbidden", message })
    }

    // The users outlive each test; the database (roles, wallets) is restored before every test.
    beforeAll(async () => {
      const container = getContainer()
      ;[boss, other, cashier, manager] = await Promise.all([1, 2, 3, 4].map(() => adminUser(container, api)))
    })

    afterEach(async () => {
      const verified = await as(boss).post("/admin/cashless/ledger/verify", {})
      expect(verified.data.report ?? verified.data).toMatchObject({ ok: true })
    })

    /** The boss names themself admin, then the cashier and the manager; `other` keeps no role. */
    const nameStaff = async () => {
      for (const [user, role] of [[boss, "admin"], [cashier, "cashier"], [manager, "manager"]] as const) {
        const res = await setRole(boss, user, { role })
        if (res.status !== 200) throw new Error(`naming ${role}: ${res.status} ${JSON.stringify(res.data)}`)
      }
    }

    /** A wallet holding 50.00 EUR of cash, and the entry that put it there. */
    const walletWithMoney = async (by: AdminUser) => {
      const wallet = await as(by).post("/admin/cashless/wallets", { label: "Staff roles" })
      expect(wallet.status).toBe(201)
      const credit = await as(by).post(`/admin/cashless/wallets/${wallet.data.wallet.id}/credit`, {
        amount: 5000,
        source: "cash_drawer",
        idempotency_key: key("credit"),
      })
      expect(credit.status).toBe(200)
      return { walletId: wallet.data.wallet.id as string, entryId: credit.data.entry.id as string }
    }

    it("treats everyone as an admin while no admin is named", async () => {
      const me = await as(other).get("/admin/cashless/staff/me")
      expect(me.status).toBe(200)
      expect(me.data.me).toEqual({ user_id: other.id, role: "admin", named_role: null, bootstrap: true, point_of_sale_ids: [] })
      // Any user may do anything, adjustments included, until then.
      const { walletId } = await walletWithMoney(other)
      const adjust = await as(cashier).post(`/admin/cashless/wallets/${walletId}/adjust`, { amount: 100, asset_code: "EUR", reason: "test", idempotency_key: key("adjust") })
      expect(adjust.status).toBe(200)
    })

    it("names the first admin; users without a role are then refused and told whom to ask", async () => {
      const { walletId } = await walletWithMoney(boss)
      const named = await setRole(boss, boss, { role: "admin" })
      expect(named.status).toBe(200)
      expect(named.data.staff).toMatchObject({ user_id: boss.id, email: boss.email, role: "admin", point_of_sale_ids: [] })

      expectRefused(await as(other).get(`/admin/cashless/wallets/${walletId}`), NO_ROLE)
      expectRefused(await as(other).post(`/admin/cashless/wallets/${walletId}/adjust`, {
        amount: 100, asset_code: "EUR", reason: "test", idempotency_key: key("adjust"),
      }), NO_ROLE)
      // Their own role and the heartbeat stay open, so the till can say what is wrong.
      const me = await as(other).get("/admin/cashless/staff/me")
      expect(me.data.me).toMatchObject({ role: null, named_role: null, bootstrap: false })
      expect((await as(other).get("/admin/cashless/ping")).status).toBe(200)
    })

    it("keeps money outside a sale from a cashier, with the role needed in the message", async () => {
      await nameStaff()
      const { walletId, entryId } = await walletWithMoney(boss)
      const cash = as(cashier)
      expect((await cash.get(`/admin/cashless/wallets/${walletId}`)).status).toBe(200)
      expect((await cash.get("/admin/cashless/staff/me")).data.me).toMatchObject({ role: "cashier", named_role: "cashier", bootstrap: false })

      expectRefused(
        await cash.post(`/admin/cashless/wallets/${walletId}/adjust`, { amount: 100, asset_code: "EUR", reason: "test", idempotency_key: key("adjust") }),
        "Only a cashless admin can adjust a balance."
      )
      expectRefused(
        await cash.post(`/admin/cashless/wallets/${walletId}/gift`, { amount: 100, reason: "test", idempotency_key: key("gift") }),
        "Only a manager or an admin can give gift credit."
      )
      expectRefused(
        await cash.post(`/admin/cashless/wallets/${walletId}/refunds`, { amount: 100, idempotency_key: key("refund") }),
        "Only a manager or an admin can refund a wallet."
      )
      expectRefused(
        await cash.post(`/admin/cashless/entries/${entryId}/reverse`, { reason: "test", idempotency_key: key("reverse") }),
        "Only a manager or an admin can reverse a ledger entry."
      )
      expectRefused(await cash.post(`/admin/orders/order_none/cancel`, {}), "Only a manager or an admin can cancel an order.")
      expectRefused(await cash.post(`/admin/payments/pay_none/refund`, {}), "Only a manager or an admin can refund a payment.")
      expectRefused(await setRole(cashier, cashier, { role: "admin" }), "Only a cashless admin can give staff roles.")
      // Nothing moved.
      const wallet = await as(boss).get(`/admin/cashless/wallets/${walletId}`)
      expect(wallet.data.wallet.balances).toEqual(expect.arrayContaining([expect.objectContaining({ asset_code: "EUR", balance: 5000 })]))
    })

    it("lets a manager give gift credit but not adjust a balance", async () => {
      await nameStaff()
      const { walletId } = await walletWithMoney(manager)
      const gift = await as(manager).post(`/admin/cashless/wallets/${walletId}/gift`, { amount: 300, reason: "welcome", idempotency_key: key("gift") })
      expect(gift.status).toBe(200)
      expectRefused(
        await as(manager).post(`/admin/cashless/wallets/${walletId}/adjust`, { amount: 100, asset_code: "EUR", reason: "test", idempotency_key: key("adjust") }),
        "Only a cashless admin can adjust a balance."
      )
      // Medusa's cancel route is theirs: refused here by Medusa itself (no such order), not by role.
      expect((await as(manager).post(`/admin/orders/order_none/cancel`, {})).status).not.toBe(403)
      const adjust = await as(boss).post(`/admin/cashless/wallets/${walletId}/adjust`, { amount: -100, asset_code: "EUR", reason: "miscount", idempotency_key: key("adjust") })
      expect(adjust.status).toBe(200)
    })

    it("refuses to remove or downgrade the last admin", async () => {
      await nameStaff()
      const down = await setRole(boss, boss, { role: "manager" })
      expect(down.status).toBe(409)
      expect(down.data).toMatchObject({ code: "last_admin", message: "This is the last cashless admin: name another admin before making this user a manager." })
      const removed = await setRole(boss, boss, { role: null })
      expect(removed.status).toBe(409)
      expect(removed.data.message).toBe("This is the last cashless admin: name another admin before removing this user's role.")

      // With a second admin, the first may step down, and then is a manager like any other.
      expect((await setRole(boss, manager, { role: "admin" })).status).toBe(200)
      expect((await setRole(boss, boss, { role: "manager" })).status).toBe(200)
      expectRefused(await setRole(boss, other, { role: "cashier" }), "Only a cashless admin can give staff roles.")
      expect((await as(boss).get("/admin/cashless/staff")).status).toBe(200)
    })

    it("lists the staff with roles and points of sale, and assigns points of sale", async () => {
      await nameStaff()
      expect((await setRole(boss, manager, { role: "admin" })).status).toBe(200)
      expect((await setRole(manager, boss, { role: "manager" })).status).toBe(200)
      const till = getContainer().resolve<TillModuleService>("cashless_till")
      const [bar] = await till.createCashlessPointOfSales([
        { name: "Staff bar", sales_channel_id: "sc_none", currency_code: "eur", country_code: "fr", tenders: { wallet: true, cash: true } },
      ])
      const assigned = await setRole(manager, cashier, { role: "cashier", point_of_sale_ids: [bar.id] })
      expect(assigned.status).toBe(200)
      expect(assigned.data.staff).toMatchObject({ role: "cashier", point_of_sale_ids: [bar.id] })
      expect((await as(cashier).get("/admin/cashless/staff/me")).data.me.point_of_sale_ids).toEqual([bar.id])

      const list = await as(manager).get("/admin/cashless/staff")
      expect(list.status).toBe(200)
      expect(list.data).toMatchObject({ bootstrap: false, me: { user_id: manager.id, role: "admin" } })
      const byId = Object.fromEntries((list.data.staff as Array<{ user_id: string }>).map((s) => [s.user_id, s]))
      expect(byId[cashier.id]).toMatchObject({ role: "cashier", point_of_sale_ids: [bar.id], email: cashier.email })
      expect(byId[other.id]).toMatchObject({ role: null, point_of_sale_ids: [] })
      expect(byId[boss.id]).toMatchObject({ role: "manager" })

      // An empty list unassigns; an unknown point of sale changes nothing.
      expect((await setRole(manager, cashier, { role: "cashier", point_of_sale_ids: [] })).data.staff.point_of_sale_ids).toEqual([])
      const unknown = await setRole(manager, cashier, { role: "manager", point_of_sale_ids: ["pos_nope"] })
      expect(unknown.status).toBe(404)
      expect(unknown.data).toMatchObject({ code: "pos_not_found", message: "Point of sale pos_nope not found." })
      expect((await as(cashier).get("/admin/cashless/staff/me")).data.me.role).toBe("cashier")
    })

    it("lets a cashier sell and top up only at the points of sale assigned to them, and close nothing", async () => {
      await nameStaff()
      const channel = (await as(boss).post("/admin/sales-channels", { name: "Staff till channel" })).data.sales_channel.id as string
      const pos = async (name: string) => {
        const res = await as(boss).post("/admin/cashless/points-of-sale", { name, sales_channel_id: channel, country_code: "fr" })
        expect(res.status).toBe(201)
        return res.data.point_of_sale.id as string
      }
      const mine = await pos("Cashier's bar")
      const theirs = await pos("Other bar")
      expect((await setRole(boss, cashier, { role: "cashier", point_of_sale_ids: [mine] })).status).toBe(200)
      // A cashier cannot create points of sale.
      expectRefused(await as(cashier).post("/admin/cashless/points-of-sale", { name: "Mine", sales_channel_id: channel, country_code: "fr" }), "Only a cashless admin can create a point of sale.")

      const opened = await as(cashier).post(`/admin/cashless/tills/${mine}/sessions`, { opening_float: 2000 })
      expect(opened.status).toBe(201)
      const elsewhere = await as(cashier).post(`/admin/cashless/tills/${theirs}/sessions`, { opening_float: 2000 })
      expectRefused(elsewhere, "You are not assigned to this point of sale, so you cannot open a session at this till: ask a cashless admin to assign you to it.")
      const sale = { idempotency_key: key("sale"), lines: [{ variant_id: "variant_x", quantity: 1 }], tenders: [{ kind: "cash", amount: 100 }] }
      expect((await as(cashier).post(`/admin/cashless/tills/${theirs}/sales`, sale)).status).toBe(403)
      // At their own till the request reaches the till (which then explains the unknown product).
      expect((await as(cashier).post(`/admin/cashless/tills/${mine}/sales`, sale)).status).toBe(400)
      expectRefused(
        await as(cashier).post(`/admin/cashless/tills/${mine}/refunds`, { idempotency_key: key("refund"), card_uid: "04A1B2C3D4E5F6", amount: 100 }),
        "Only a manager or an admin can refund cash at a till."
      )
      expectRefused(
        await as(cashier).post(`/admin/cashless/tills/${mine}/sessions/${opened.data.session.id}/close`, { counted_cash: 2000 }),
        "Only a manager or an admin can close a till session."
      )
      // A manager works at every till.
      expect((await as(manager).post(`/admin/cashless/tills/${mine}/sessions/${opened.data.session.id}/close`, { counted_cash: 2000 })).status).toBe(200)
    })

    it("explains a wrong role or user", async () => {
      await nameStaff()
      expect((await setRole(boss, manager, { role: "admin" })).status).toBe(200)
      const wrong = await as(manager).post(`/admin/cashless/staff/${cashier.id}`, { role: "boss" })
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toContain("Expected: 'cashier, manager, admin' for field 'role', but got: 'boss'")
      const missing = await as(manager).post(`/admin/cashless/staff/${cashier.id}`, {})
      expect(missing.status).toBe(400)
      expect(missing.data.message).toContain("Field 'role' is required")
      const nobody = await as(manager).post("/admin/cashless/staff/user_nobody", { role: "cashier" })
      expect(nobody.status).toBe(404)
      expect(nobody.data.message).toBe("User user_nobody not found.")
    })

    it("has a row for every plugin admin route the app loaded, guards each one, and refuses any other path", async () => {
      await nameStaff()
      const routes = await pluginAdminRoutes()
      expect(routes.length).toBeGreaterThan(30)
      const { findPermission } = require("medusa-plugin-cashless/api/admin/permission-lookup") as Lookup // eslint-disable-line @typescript-eslint/no-require-imports
      const missing = routes.filter((r) => findPermission(r.method, r.matcher)?.permission.path !== r.matcher)
      expect(missing.map((r) => `${r.method} ${r.matcher}`)).toEqual([])

      // The middleware really stands in front of each: a user without a role gets through only where the table says "any".
      const refused: string[] = []
      for (const r of routes) {
        const url = r.matcher.replace(/:[^/]+/g, "x_unknown")
        const res = r.method === "GET" ? await as(other).get(url) : await as(other).post(url, {})
        const open = findPermission(r.method, r.matcher)!.permission.role === "any"
        if (open ? res.status === 403 : res.status !== 403 || res.data.message !== NO_ROLE) refused.push(`${r.method} ${r.matcher} → ${res.status}`)
      }
      expect(refused).toEqual([])

      const unlisted = await as(manager).get("/admin/cashless/not-a-route")
      expect(unlisted.status).toBe(403)
      expect(unlisted.data.message).toBe("GET /admin/cashless/not-a-route is not in the cashless permission table, so nobody may call it.")
    })
  },
})
