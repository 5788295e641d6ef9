import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomUUID } from "node:crypto"
import { adminUser, type AdminUser } from "../helpers/admin-session"
import { openSse, type SseClient } from "../helpers/sse-client"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeWithRedis } = require("../../../../tools/jest/optional-service.cjs")

// The till tap bus across server processes (#9): with Redis, a tap posted to one process reaches
// the till pages of any other, and a tap id is delivered once whichever process sees it. Each
// "process" here is a bus on its own Redis connections; the app under test is one of them.
jest.setTimeout(240_000)

type Response = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
type TillEvent = { type: string; tap_id?: string; uid?: string }
type Bus = {
  publish(posId: string, event: TillEvent): Promise<number>
  subscribe(posId: string, listener: (e: TillEvent) => void): Promise<() => void>
  claim(key: string, ttlSeconds: number): Promise<boolean>
  close(): Promise<void>
}

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const describeRedis = describeWithRedis(redisUrl)

const newBus = (): Bus => {
  const { RedisTapBus } = require("medusa-plugin-cashless/lib/till-taps/redis-bus") // eslint-disable-line @typescript-eslint/no-require-imports
  return new RedisTapBus(redisUrl)
}
const waitFor = async (what: string, done: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

describeRedis("till taps through Redis", () => {
  const buses: Bus[] = []
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()))
  })

  it("carries a publish on one bus to a subscriber of another, and claims a tap id once across them", async () => {
    const [one, two] = [newBus(), newBus()]
    buses.push(one, two)
    const posId = `pos_${randomUUID()}`
    const seen: TillEvent[] = []
    const stop = await two.subscribe(posId, (e) => seen.push(e))
    const event = { type: "tap", tap_id: randomUUID(), uid: "04A1B2C3" }
    expect(await one.publish(posId, event)).toBe(1)
    await waitFor("the event on the other bus", () => seen.length === 1)
    expect(seen).toEqual([event])
    // Another point of sale's channel is not this one's.
    expect(await one.publish(`pos_${randomUUID()}`, event)).toBe(0)

    const key = `dev:${randomUUID()}`
    expect(await one.claim(key, 60)).toBe(true)
    expect(await two.claim(key, 60)).toBe(false)
    expect(await one.claim(key, 60)).toBe(false)

    stop()
    expect(await eventuallyZero(() => one.publish(posId, event))).toBe(0)
  })

  describe("the app with REDIS_URL set", () => {
    process.env.REDIS_URL = redisUrl

    medusaIntegrationTestRunner({
      testSuite: ({ api, getContainer }) => {
        let boss: AdminUser
        let posId: string
        const streams: SseClient[] = []
        const base = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
        const as = (headers: Record<string, string>) => {
          const config = { headers, validateStatus: () => true }
          return { post: (url: string, body: unknown = {}): Promise<Response> => api.post(url, body, config) }
        }

        beforeAll(async () => {
          boss = await adminUser(getContainer(), api)
          const channel = (await as(boss.headers).post("/admin/sales-channels", { name: "Redis bar" })).data.sales_channel.id
          posId = (await as(boss.headers).post("/admin/cashless/points-of-sale", { name: "Redis bar", sales_channel_id: channel, country_code: "fr" })).data.point_of_sale.id
        })
        afterEach(() => streams.splice(0).forEach((s) => s.close()))

        it("delivers a tap posted to the app to another process's subscriber, and another process's tap to the app's till page, once", async () => {
          const { code } = (await as(boss.headers).post("/admin/cashless/devices/pairing-codes", { point_of_sale_id: posId })).data.pairing_code
          const paired = await as({}).post("/cashless/devices/pair", { code })
          expect(paired.status).toBe(201)
          const reader = as({ authorization: `Bearer ${paired.data.token}` })

          const other = newBus()
          buses.push(other)
          const seen: TillEvent[] = []
          await other.subscribe(posId, (e) => seen.push(e))
          const page = await openSse(`${base()}/admin/cashless/tills/${posId}/taps/stream`, boss.headers)
          streams.push(page)
          await page.next((e) => e.event === "devices")

          // The app's process and the other one each have a page of this point of sale.
          const tapId = randomUUID()
          const tap = () => reader.post(`/cashless/tills/${posId}/taps`, { tap_id: tapId, uid: "04a1b2c3" })
          expect((await tap()).data).toEqual({ delivered: 2 })
          await waitFor("the tap in the other process", () => seen.length === 1)
          expect(seen[0]).toMatchObject({ type: "tap", tap_id: tapId, uid: "04A1B2C3" })
          await page.next((e) => e.data.tap_id === tapId)

          // The same tap id, seen first by another process, is not delivered again by the app.
          const retried = randomUUID()
          expect(await other.claim(`${paired.data.device.id}:${retried}`, 60)).toBe(true)
          expect((await reader.post(`/cashless/tills/${posId}/taps`, { tap_id: retried, uid: "04a1b2c3" })).data).toEqual({ delivered: 0, duplicate: true })
          expect((await tap()).data).toEqual({ delivered: 0, duplicate: true })

          // A tap published by the other process reaches the app's page.
          const fromOther = randomUUID()
          await other.publish(posId, { type: "tap", tap_id: fromOther, uid: "04D5E6F7" })
          await page.next((e) => e.data.tap_id === fromOther)
          expect(page.events.filter((e) => e.event === "tap").map((e) => e.data.tap_id)).toEqual([tapId, fromOther])
          expect(seen.map((e) => e.tap_id)).toEqual([tapId, fromOther])
        })
      },
    })
  })
})

/** Unsubscribing reaches Redis asynchronously: publish until nobody listens (or give up after ~5 s). */
async function eventuallyZero(publish: () => Promise<number>): Promise<number> {
  let n = await publish()
  for (let i = 0; i < 50 && n !== 0; i++) {
    await new Promise((r) => setTimeout(r, 100))
    n = await publish()
  }
  return n
}
