import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createHash, randomUUID } from "node:crypto"
import { adminUser, type AdminUser } from "../helpers/admin-session"
import type { Db } from "../helpers/db"
import { eventually } from "../helpers/eventually"
import { expectLedgerVerified } from "../helpers/ledger-api"
import { type Shop, shopFixture } from "../helpers/shop-fixture"
import { openSse, type SseClient } from "../helpers/sse-client"

// Card readers paired to a point of sale (#9, docs/devices.md): one-time codes kept as hashes,
// device tokens that open the device routes and nothing else, and taps delivered once to the
// till pages of the reader's point of sale over Server-Sent Events (in this process: the Redis
// fan-out has its own suite).
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let boss: AdminUser
    let manager: AdminUser
    let cashier: AdminUser // assigned to the bar
    let stranger: AdminUser // a cashier assigned elsewhere
    let shop: Shop
    let barId: string
    let gateId: string
    const base = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    const streams: SseClient[] = []

    const as = (user: AdminUser | null, headers: Record<string, string> = {}) => {
      const config = { headers: { ...(user?.headers ?? {}), ...headers }, validateStatus: () => true }
      return {
        get: (url: string): Promise<Response> => api.get(url, config),
        post: (url: string, body: unknown = {}): Promise<Response> => api.post(url, body, config),
      }
    }
    const device = (token: string) => as(null, { authorization: `Bearer ${token}` })
    const must = (what: string, res: Response, status: number) => {
      if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
      return res.data
    }
    const expectError = (res: Response, status: number, code: string, message?: RegExp) => {
      expect({ status: res.status, code: res.data.code }).toEqual({ status, code })
      if (message) expect(res.data.message).toMatch(message)
    }

    beforeAll(async () => {
      ;[boss, manager, cashier, stranger] = await Promise.all([1, 2, 3, 4].map(() => adminUser(getContainer(), api)))
      const admin = as(boss)
      shop = await shopFixture(admin, "devices")
      const pos = async (name: string) =>
        must("point of sale", await admin.post("/admin/cashless/points-of-sale", { name, sales_channel_id: shop.sales_channel_id, country_code: "fr" }), 201).point_of_sale.id as string
      barId = await pos("Devices bar")
      gateId = await pos("Devices gate")
      for (const [user, body] of [
        [boss, { role: "admin" }],
        [manager, { role: "manager" }],
        [cashier, { role: "cashier", point_of_sale_ids: [barId] }],
        [stranger, { role: "cashier", point_of_sale_ids: [gateId] }],
      ] as const) {
        must("role", await admin.post(`/admin/cashless/staff/${user.id}`, body), 200)
      }
    })

    afterEach(async () => {
      for (const s of streams.splice(0)) s.close()
      await expectLedgerVerified(as(boss))
    })

    const newCode = async (posId = barId, name?: string) =>
      must("pairing code", await as(manager).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: posId, ...(name ? { name } : {}) }), 201).pairing_code
    const pair = (code: string, body: Record<string, unknown> = {}) => as(null).post("/cashless/devices/pair", { code, ...body })
    const pairedReader = async (posId = barId, name = "Bar reader") => {
      const { code } = await newCode(posId, name)
      return must("pair", await pair(code, { agent_version: "0.1.0" }), 201) as { device: { id: string; name: string }; token: string }
    }
    const stream = async (user: AdminUser, posId = barId) => {
      const s = await openSse(`${base()}/admin/cashless/tills/${posId}/taps/stream`, user.headers)
      streams.push(s)
      return s
    }
    const tap = (token: string, body: Record<string, unknown>, posId = barId) =>
      device(token).post(`/cashless/tills/${posId}/taps`, { tap_id: randomUUID(), uid: "04a1b2c3d4e5f6", at: new Date().toISOString(), ...body })
    const deviceRows = async () => (await db.raw(`select row_to_json(d)::text as row from cashless_device d order by created_at`)).rows.map((r) => r.row as string)

    it("pairs a reader once with a manager's code, and keeps only hashes of the code and the token", async () => {
      expectError(await as(cashier).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: barId }), 403, "forbidden", /Only a manager or an admin can pair a card reader\./)

      const created = await newCode(barId, "Bar left")
      expect(created).toEqual({ code: expect.stringMatching(CODE), expires_at: expect.any(String), point_of_sale: { id: barId, name: "Devices bar" }, name: "Bar left" })
      const minutes = (Date.parse(created.expires_at) - Date.now()) / 60_000
      expect(minutes).toBeGreaterThan(9)
      expect(minutes).toBeLessThanOrEqual(10)

      // Typed as a person would: lower case, a space instead of the dash.
      const paired = await pair(` ${created.code.toLowerCase().replace("-", " ")} `, { name: "raspberrypi", agent_version: "0.1.0" })
      expect(paired.status).toBe(201)
      expect(paired.data).toEqual({
        device: { id: expect.stringMatching(/^cdev_/), name: "Bar left", point_of_sale: { id: barId, name: "Devices bar" } },
        token: expect.stringMatching(/^cdt_[A-Za-z0-9_-]{43}$/),
      })
      const { token } = paired.data

      const rows = [...(await deviceRows()), ...(await db.raw(`select row_to_json(c)::text as row from cashless_device_pairing_code c`)).rows.map((r) => r.row as string)]
      expect(rows).toHaveLength(2)
      const bare = (s: string) => s.replace("-", "")
      for (const row of rows) {
        expect(row).not.toContain(token)
        expect(row).not.toContain(token.slice(4))
        expect(row).not.toContain(bare(created.code))
      }
      const stored = (await db.raw(`select token_hash, paired_by, agent_version from cashless_device`)).rows[0]
      expect(stored).toEqual({ token_hash: sha256(token), paired_by: `user:${manager.id}`, agent_version: "0.1.0" })
      expect((await db.raw(`select code_hash, used_at is not null as used, device_id from cashless_device_pairing_code`)).rows[0]).toEqual({
        code_hash: sha256(bare(created.code)),
        used: true,
        device_id: paired.data.device.id,
      })

      expectError(await pair(created.code), 409, "pairing_code_used", /already used.*create a new one in Cashless → Devices/)
      expect(await deviceRows()).toHaveLength(1)

      const listed = must("list", await as(cashier).get(`/admin/cashless/devices?point_of_sale_id=${barId}`), 200)
      expect(listed.devices).toEqual([
        expect.objectContaining({
          id: paired.data.device.id,
          name: "Bar left",
          point_of_sale: { id: barId, name: "Devices bar" },
          paired_by: `user:${manager.id}`,
          online: true,
          revoked_at: null,
        }),
      ])
      expect(JSON.stringify(listed)).not.toContain(sha256(token))
    })

    it("refuses unknown and expired codes, and a code for an archived point of sale", async () => {
      expectError(await pair("ZZZZ-ZZZZ"), 401, "pairing_code_invalid", /not known.*Cashless → Devices/)
      expectError(await pair("not a code"), 401, "pairing_code_invalid")

      const { code } = await newCode()
      await db.raw(`update cashless_device_pairing_code set expires_at = now() - interval '1 minute'`)
      expectError(await pair(code), 401, "pairing_code_expired", /expired at \d{2}:\d{2}: create a new one/)

      const gateCode = await newCode(gateId)
      must("archive", await as(boss).post(`/admin/cashless/points-of-sale/${gateId}`, { archived: true }), 200)
      expectError(await pair(gateCode.code), 409, "point_of_sale_archived", /Devices gate.*archived/)
      expectError(await as(manager).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: gateId }), 409, "point_of_sale_archived")
      expect(await deviceRows()).toEqual([])
    })

    it("pairs exactly one device when five agents use one code at once", async () => {
      const { code } = await newCode()
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => pair(code, { name: `agent ${i}` })))
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409])
      for (const r of results.filter((r) => r.status === 409)) expect(r.data.code).toBe("pairing_code_used")
      expect(await deviceRows()).toHaveLength(1)
    })

    it("answers bad bodies with a 400 saying what is wrong, and writes nothing", async () => {
      const before = (await db.raw(`select count(*)::int as n from cashless_device_pairing_code`)).rows[0].n
      const noPos = await as(manager).post("/admin/cashless/devices/pairing-codes", {})
      expect(noPos.status).toBe(400)
      expect(noPos.data.message).toMatch(/point_of_sale_id/)
      expect((await as(manager).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: barId, name: "x".repeat(81) })).status).toBe(400)
      expect((await as(manager).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: barId, extra: 1 })).status).toBe(400)
      expectError(await as(manager).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: "pos_nowhere" }), 404, "pos_not_found")
      expect((await db.raw(`select count(*)::int as n from cashless_device_pairing_code`)).rows[0].n).toBe(before)

      const { code } = await newCode()
      const noCode = await pair(undefined as unknown as string)
      expect(noCode.status).toBe(400)
      expect(noCode.data.message).toMatch(/Field 'code' is required/)
      expect((await pair(code, { name: "n".repeat(81) })).status).toBe(400)
      expect(await deviceRows()).toEqual([])

      const { token } = must("pair", await pair(code), 201)
      const page = await stream(cashier)
      await page.next((e) => e.event === "devices")
      const badTaps = [
        [{ tap_id: "not-a-uuid" }, /tap_id is a UUID/],
        [{ uid: undefined }, /Field 'uid' is required/],
        [{ at: "yesterday" }, /at is an ISO-8601/],
      ] as const
      for (const [body, message] of badTaps) {
        const res = await tap(token, body)
        expect({ status: res.status, message: res.data.message }).toEqual({ status: 400, message: expect.stringMatching(message) })
      }
      expectError(await tap(token, { uid: "04:a1:b" }), 400, "invalid_card_uid", /is not a card UID/)
      const status = await device(token).post("/cashless/devices/me/status", { readers: ["ACR122U"], pcsc: "maybe" })
      expect(status.status).toBe(400)
      expect(status.data.message).toMatch(/Expected: 'ok, down' for field 'pcsc', but got: 'maybe'/)
      expect((await db.raw(`select readers, pcsc from cashless_device`)).rows[0]).toEqual({ readers: null, pcsc: null })
      // None of them reached the till page.
      await new Promise((r) => setTimeout(r, 300))
      expect(page.events.map((e) => e.event)).toEqual(["devices"])
    })

    it("opens the device routes to a device token only: unknown, garbled, revoked, another point of sale's, or an admin's are refused", async () => {
      const { device: bar, token } = await pairedReader(barId, "Bar reader")
      const { token: gateToken } = await pairedReader(gateId, "Gate reader")

      const me = await device(token).get("/cashless/devices/me")
      expect(me.status).toBe(200)
      expect(me.data.device).toEqual({ id: bar.id, name: "Bar reader", point_of_sale: { id: barId, name: "Devices bar" }, paired_at: expect.any(String), last_seen_at: expect.any(String) })

      expectError(await as(null).get("/cashless/devices/me"), 401, "device_token_invalid", /token is required/)
      expectError(await device("garbled").get("/cashless/devices/me"), 401, "device_token_invalid")
      expectError(await device(`cdt_${"A".repeat(43)}`).get("/cashless/devices/me"), 401, "device_token_invalid", /not known here/)
      // An admin's JWT (and so an admin session) is no device.
      expectError(await as(boss).get("/cashless/devices/me"), 401, "device_token_invalid")
      expectError(await as(boss).post(`/cashless/tills/${barId}/taps`, { tap_id: randomUUID(), uid: "04A1B2C3" }), 401, "device_token_invalid")
      expectError(await as(null, { "x-publishable-api-key": shop.publishable_key }).get("/cashless/devices/me"), 401, "device_token_invalid")

      expectError(await tap(gateToken, {}, barId), 403, "device_wrong_point_of_sale", /another point of sale/)

      expectError(await as(cashier).post(`/admin/cashless/devices/${bar.id}/revoke`), 403, "forbidden", /Only a manager or an admin can revoke a card reader\./)
      const revoked = must("revoke", await as(manager).post(`/admin/cashless/devices/${bar.id}/revoke`), 200).device
      expect(revoked).toMatchObject({ id: bar.id, revoked_at: expect.any(String), revoked_by: `user:${manager.id}`, online: false })
      expectError(await device(token).get("/cashless/devices/me"), 401, "device_revoked", /^This reader was revoked in Cashless → Devices: pair it again\.$/)
      expectError(await tap(token, {}), 401, "device_revoked")
      // Revoking again changes nothing.
      expect(must("revoke again", await as(manager).post(`/admin/cashless/devices/${bar.id}/revoke`), 200).device.revoked_at).toBe(revoked.revoked_at)
      expectError(await as(manager).post(`/admin/cashless/devices/cdev_nowhere/revoke`), 404, "device_not_found")

      // Revoked readers are listed on request only.
      const ids = async (query: string) => must("list", await as(manager).get(`/admin/cashless/devices${query}`), 200).devices.map((d: { id: string }) => d.id)
      expect(await ids(`?point_of_sale_id=${barId}`)).toEqual([])
      expect(await ids(`?point_of_sale_id=${barId}&include_revoked=true`)).toEqual([bar.id])
      expect((await as(manager).get("/admin/cashless/devices?include_revoked=yes")).status).toBe(400)
    })

    it("delivers a tap to the assigned cashier's till page once, with the normalized UID, and refuses stale taps", async () => {
      const { device: reader, token } = await pairedReader()
      const page = await stream(cashier)
      expect(page.status).toBe(200)
      expect(page.headers["content-type"]).toMatch(/^text\/event-stream/)
      const devices = await page.next((e) => e.event === "devices")
      expect(devices.data.devices).toEqual([
        { id: reader.id, name: "Bar reader", last_seen_at: expect.any(String), readers: [], pcsc: null, online: true },
      ])

      const tapId = randomUUID()
      const at = new Date().toISOString()
      const first = await tap(token, { tap_id: tapId, uid: "04:a1:b2:c3:d4:e5:f6", reader: "ACS ACR122U", at })
      expect(first).toMatchObject({ status: 202, data: { delivered: 1 } })
      const got = await page.next((e) => e.event === "tap")
      expect(got.data).toEqual({ type: "tap", uid: "04A1B2C3D4E5F6", reader: "ACS ACR122U", at, device_id: reader.id, device_name: "Bar reader", tap_id: tapId })

      // The agent's retry after a lost answer.
      expect(await tap(token, { tap_id: tapId, at })).toMatchObject({ status: 202, data: { delivered: 0, duplicate: true } })
      const stale = await tap(token, { at: new Date(Date.now() - 45_000).toISOString() })
      expectError(stale, 409, "tap_stale", /taps older than 30 s are dropped/)
      // A later tap arrives: nothing came between (events keep their order on one stream).
      const later = randomUUID()
      expect((await tap(token, { tap_id: later, uid: "04a1b2c3" })).data).toEqual({ delivered: 1 })
      await page.next((e) => e.data.tap_id === later)
      expect(page.events.filter((e) => e.event === "tap").map((e) => [e.data.tap_id, e.data.uid])).toEqual([
        [tapId, "04A1B2C3D4E5F6"],
        [later, "04A1B2C3"],
      ])

      must("status", await device(token).post("/cashless/devices/me/status", { readers: ["ACS ACR122U"], pcsc: "ok", agent_version: "0.2.0" }), 200)
      const status = await page.next((e) => e.event === "status")
      expect(status.data).toEqual({ type: "status", device_id: reader.id, device_name: "Bar reader", readers: ["ACS ACR122U"], pcsc: "ok" })
      expect((await db.raw(`select readers, pcsc, agent_version from cashless_device`)).rows[0]).toEqual({ readers: ["ACS ACR122U"], pcsc: "ok", agent_version: "0.2.0" })
    })

    it("streams to cashiers of the point of sale only, and drops a page's subscription when it goes away", async () => {
      const refused = await stream(stranger)
      expect(refused.status).toBe(403)
      expect(JSON.parse(refused.body).message).toMatch(/not assigned to this point of sale, so you cannot receive this till's card taps/)

      const { token } = await pairedReader()
      const pages = [await stream(cashier), await stream(manager)]
      await Promise.all(pages.map((p) => p.next((e) => e.event === "devices")))
      expect((await tap(token, {})).data).toEqual({ delivered: 2 })

      pages[0].close()
      const afterOne = await eventually(
        async () => (await tap(token, {})).data.delivered,
        (n) => n === 1
      )
      expect(afterOne).toBe(1)
      pages[1].close()
      const afterBoth = await eventually(
        async () => (await tap(token, {})).data.delivered,
        (n) => n === 0
      )
      expect(afterBoth).toBe(0)
    })
  },
})
