import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminUser, type AdminUser } from "../helpers/admin-session"
import { key } from "../helpers/ledger-api"
import { type Shop, shopFixture } from "../helpers/shop-fixture"

// A till's sessions over HTTP (#8, the Points of sale page): newest first, the open one without
// figures, each closed one with the expected and counted cash of its stored Ticket Z; pages; a
// bad query is a 400 that says what is wrong; the list is a manager's.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let boss: AdminUser
    let cashier: AdminUser
    let manager: AdminUser
    let shop: Shop
    let beer: string
    let posId: string
    let otherPosId: string

    const as = (user: AdminUser) => {
      const config = { headers: user.headers, validateStatus: () => true }
      return {
        get: (url: string): Promise<Response> => api.get(url, config),
        post: (url: string, body: unknown = {}): Promise<Response> => api.post(url, body, config),
      }
    }
    const must = (what: string, res: Response, status: number) => {
      if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
      return res.data
    }

    // Everything here outlives each test: the database is restored to this point before every test.
    beforeAll(async () => {
      const container = getContainer()
      ;[boss, cashier, manager] = await Promise.all([1, 2, 3].map(() => adminUser(container, api)))
      const admin = as(boss)
      shop = await shopFixture(admin, "sessions")
      must("tax region", await admin.post("/admin/tax-regions", { country_code: "fr", provider_id: "tp_system", default_tax_rate: { name: "TVA", code: "FR20", rate: 20 } }), 200)
      beer = (await shop.product("Draught beer", 4)).variant_id
      const pos = async (name: string) =>
        must("point of sale", await admin.post("/admin/cashless/points-of-sale", { name, sales_channel_id: shop.sales_channel_id, country_code: "fr", tenders: ["wallet", "cash"] }), 201)
          .point_of_sale.id as string
      posId = await pos("Sessions bar")
      otherPosId = await pos("Sessions gate")
    })

    const sessionsOf = (query = "", user = boss) => as(user).get(`/admin/cashless/tills/${posId}/sessions${query}`)
    const open = async (float: number) => must("open", await as(boss).post(`/admin/cashless/tills/${posId}/sessions`, { opening_float: float }), 201).session
    const close = async (sessionId: string, counted: number) =>
      must("close", await as(boss).post(`/admin/cashless/tills/${posId}/sessions/${sessionId}/close`, { counted_cash: counted }), 200)
    // 4.00 EUR stored without VAT (this shop's price preference): the till adds France's 20 %.
    const BEER = 480
    const sellForCash = async (beers: number) =>
      must(
        "sale",
        await as(boss).post(`/admin/cashless/tills/${posId}/sales`, {
          idempotency_key: key("sale"),
          lines: [{ variant_id: beer, quantity: beers }],
          tenders: [{ kind: "cash", amount: beers * BEER }],
        }),
        201
      )

    it("lists the open session without figures, then closed with the Ticket Z's expected cash, counted cash and difference", async () => {
      const empty = await sessionsOf()
      expect(empty).toMatchObject({ status: 200, data: { sessions: [], count: 0, limit: 20, offset: 0 } })

      const session = await open(5000)
      await sellForCash(2)
      const opened = await sessionsOf()
      expect(opened.status).toBe(200)
      expect(opened.data).toMatchObject({ count: 1, limit: 20, offset: 0 })
      expect(opened.data.sessions).toEqual([
        {
          id: session.id,
          status: "open",
          currency_code: "eur",
          opened_by: `user:${boss.id}`,
          opened_at: session.opened_at,
          opening_float: 5000,
          closed_by: null,
          closed_at: null,
          counted_cash: null,
          expected_cash: null,
          difference: null,
        },
      ])

      // 50.00 float + 9.60 of beer paid in cash = 59.60 expected; 59.00 counted.
      const closed = await close(session.id, 5900)
      const listed = (await sessionsOf()).data.sessions
      expect(listed).toEqual([
        expect.objectContaining({
          id: session.id,
          status: "closed",
          opening_float: 5000,
          closed_by: `user:${boss.id}`,
          closed_at: closed.session.closed_at,
          counted_cash: 5900,
          expected_cash: 5960,
          difference: -60,
        }),
      ])
      // The figures are the stored Ticket Z's.
      const z = await as(boss).get(`/admin/cashless/tills/${posId}/sessions/${session.id}/ticket-z`)
      expect(z.data.ticket_z.cash).toMatchObject({ expected: listed[0].expected_cash, counted: listed[0].counted_cash, difference: listed[0].difference })
    })

    it("lists newest first, by pages, and the list of points of sale carries each open session", async () => {
      const first = await open(1000)
      await close(first.id, 1000)
      const second = await open(2000)
      await close(second.id, 2100)
      const third = await open(3000)

      const all = await sessionsOf()
      expect(all.data.count).toBe(3)
      expect(all.data.sessions.map((s: { id: string; status: string; difference: number | null }) => [s.id, s.status, s.difference])).toEqual([
        [third.id, "open", null],
        [second.id, "closed", 100],
        [first.id, "closed", 0],
      ])

      const page1 = await sessionsOf("?limit=2")
      expect(page1.data).toMatchObject({ count: 3, limit: 2, offset: 0 })
      expect(page1.data.sessions.map((s: { id: string }) => s.id)).toEqual([third.id, second.id])
      const page2 = await sessionsOf("?limit=2&offset=2")
      expect(page2.data).toMatchObject({ count: 3, limit: 2, offset: 2 })
      expect(page2.data.sessions.map((s: { id: string }) => s.id)).toEqual([first.id])
      // Past the end: no rows, and still the count.
      expect((await sessionsOf("?limit=2&offset=10")).data).toEqual({ sessions: [], count: 3, limit: 2, offset: 10 })

      const list = await as(boss).get("/admin/cashless/points-of-sale")
      expect(list.status).toBe(200)
      const byId = Object.fromEntries((list.data.points_of_sale as Array<{ id: string }>).map((p) => [p.id, p]))
      expect(byId[posId]).toMatchObject({ name: "Sessions bar", open_session: { id: third.id, opening_float: 3000, status: "open", opened_by: `user:${boss.id}` } })
      expect(byId[otherPosId]).toMatchObject({ name: "Sessions gate", open_session: null })
    })

    it("answers a bad query with a 400 that says what is wrong, and an unknown point of sale with a 404", async () => {
      for (const [query, field] of [
        ["?limit=0", "limit"],
        ["?limit=201", "limit"],
        ["?limit=ten", "limit"],
        ["?offset=-1", "offset"],
        ["?offset=1.5", "offset"],
      ]) {
        const res = await sessionsOf(query)
        expect({ query, status: res.status }).toEqual({ query, status: 400 })
        expect(res.data.message).toMatch(new RegExp(`^Invalid query: ${field}: `))
      }
      const unknownParam = await sessionsOf("?status=open")
      expect(unknownParam.status).toBe(400)
      expect(unknownParam.data.message).toMatch(/^Invalid query: .*status/)

      const missing = await as(boss).get("/admin/cashless/tills/pos_nope/sessions")
      expect(missing.status).toBe(404)
      expect(missing.data).toMatchObject({ code: "pos_not_found", message: "Point of sale pos_nope not found." })
    })

    it("is a manager's: a cashier is refused, assigned here or not; a manager reads every till's", async () => {
      for (const [user, role] of [[boss, "admin"], [cashier, "cashier"], [manager, "manager"]] as const) {
        must(`naming ${role}`, await as(boss).post(`/admin/cashless/staff/${user.id}`, { role }), 200)
      }
      must("assign", await as(boss).post(`/admin/cashless/staff/${cashier.id}`, { role: "cashier", point_of_sale_ids: [otherPosId] }), 200)
      const refusal = { status: 403, code: "forbidden", message: "Only a manager or an admin can list a till's sessions." }

      const notAssigned = await sessionsOf("", cashier)
      expect({ status: notAssigned.status, code: notAssigned.data.code, message: notAssigned.data.message }).toEqual(refusal)
      const assigned = await as(cashier).get(`/admin/cashless/tills/${otherPosId}/sessions`)
      expect({ status: assigned.status, code: assigned.data.code, message: assigned.data.message }).toEqual(refusal)

      await open(1500)
      const read = await sessionsOf("", manager)
      expect(read.status).toBe(200)
      expect(read.data.sessions).toEqual([expect.objectContaining({ status: "open", opening_float: 1500 })])
    })
  },
})
