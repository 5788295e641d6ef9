import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import groupsJob from "medusa-plugin-cashless/jobs/membership-groups"
import { eventually } from "../helpers/eventually"
import { key, ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { checkout, guest, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// Memberships in the shop, through Medusa's own checkout, price lists and customer groups:
// buying a plan grants it once on capture, members get member prices, members-only products
// are refused to others, and the expiry job takes lapsed members out of the group.
jest.setTimeout(180_000)
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let groupId: string
    let planId: string
    let planVariant: string
    let drinkVariant: string
    let membersOnlyVariant: string

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "memberships")
      const group = await admin.post("/admin/customer-groups", { name: "Members" })
      groupId = group.data.customer_group.id
      const membership = await shop.product("Membership 2026", 15)
      planVariant = membership.variant_id
      const planRes = await admin.post("/admin/cashless/membership-plans", {
        name: "Membership",
        duration_unit: "months",
        duration_count: 12,
        customer_group_id: groupId,
        variant_ids: [planVariant],
      })
      planId = planRes.data.plan.id
      drinkVariant = (await shop.product("Beer", 3)).variant_id
      membersOnlyVariant = (await shop.product("Members' evening", 5, { cashless_members_only: "true" })).variant_id
      // Member price: a price list for the plan's customer group, as a merchant sets it in Medusa.
      const list = await admin.post("/admin/price-lists", {
        title: "Member prices",
        description: "Cheaper for members",
        type: "sale",
        status: "active",
        rules: { "customer.groups.id": [groupId] },
        prices: [{ amount: 2, currency_code: "eur", variant_id: drinkVariant }],
      })
      if (list.status !== 200) throw new Error(`price list: ${list.status} ${JSON.stringify(list.data)}`)
    })

    const memberships = (customerId: string) =>
      db.raw(`select id, source, source_ref, periods, starts_at, ends_at from cashless_membership where customer_id = ?`, [customerId])
    const inGroup = async (customerId: string) =>
      (await getContainer().resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_id: customerId, customer_group_id: groupId })).length > 0

    it("grants the plan bought at checkout when the payment is captured, once per line, quantity = periods", async () => {
      const lea = await storeCustomer(api, shop.publishable_key, "Lea")
      const cart = await newCart(shop, lea)
      expect((await lea.post(`/store/carts/${cart}/line-items`, { variant_id: planVariant, quantity: 2 })).status).toBe(200)
      const { order_id } = await checkout(lea, cart)

      const { rows } = await eventually(() => memberships(lea.id), (r) => r.rows.length > 0)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ source: "order", periods: 2 })
      // Two periods of 12 months.
      const months = (new Date(rows[0].ends_at).getFullYear() - new Date(rows[0].starts_at).getFullYear()) * 12 +
        new Date(rows[0].ends_at).getMonth() - new Date(rows[0].starts_at).getMonth()
      expect(months).toBe(24)
      // A digital order is captured at once, by the plugin.
      const order = await admin.get(`/admin/orders/${order_id}?fields=id,payment_status,items.id`)
      expect(order.data.order.payment_status).toBe("captured")
      expect(rows[0].source_ref).toBe(order.data.order.items[0].id)
      expect(await eventually(() => inGroup(lea.id), Boolean)).toBe(true)

      // The capture event replayed (a retry, a second worker) grants nothing more.
      const { rows: payments } = await db.raw(
        `select p.id from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
        [order_id]
      )
      const events = getContainer().resolve(Modules.EVENT_BUS)
      await events.emit([
        { name: "payment.captured", data: { id: payments[0].id } },
        { name: "payment.captured", data: { id: payments[0].id } },
        { name: "order.placed", data: { id: order_id } },
      ])
      await new Promise((r) => setTimeout(r, 1500))
      expect((await memberships(lea.id)).rows).toHaveLength(1)
      const status = (await lea.get("/store/cashless/me/memberships")).data.membership
      expect(status).toMatchObject({ status: "valid", plan: { id: planId } })
    })

    it("cancels the memberships of an order cancelled in Medusa (its payment refunded), and the member leaves the group", async () => {
      const max = await storeCustomer(api, shop.publishable_key, "Max")
      const cart = await newCart(shop, max)
      await max.post(`/store/carts/${cart}/line-items`, { variant_id: planVariant, quantity: 1 })
      const { order_id } = await checkout(max, cart)
      await eventually(() => memberships(max.id), (r) => r.rows.length > 0)
      expect(await eventually(() => inGroup(max.id), Boolean)).toBe(true)

      const cancelled = await admin.post(`/admin/orders/${order_id}/cancel`, {})
      expect(cancelled.status).toBe(200)
      const { rows } = await eventually(
        () => db.raw(`select status, cancel_reason, cancelled_by from cashless_membership where customer_id = ?`, [max.id]),
        (r) => r.rows[0]?.status === "cancelled"
      )
      expect(rows[0]).toEqual({ status: "cancelled", cancel_reason: `Order ${order_id} was cancelled`, cancelled_by: "system:order" })
      expect(await eventually(() => inGroup(max.id), (v) => !v)).toBe(false)
      expect((await max.get("/store/cashless/me/memberships")).data.membership.status).toBe("none")
    })

    it("gives the member price to a member's cart and the normal price to others", async () => {
      const member = await storeCustomer(api, shop.publishable_key, "Member")
      const other = await storeCustomer(api, shop.publishable_key, "Other")
      const granted = await admin.post("/admin/cashless/memberships", { plan_id: planId, customer_id: member.id, idempotency_key: key("g") })
      expect(granted.status).toBe(201)
      expect(await inGroup(member.id)).toBe(true)

      const price = async (shopper: typeof member) => {
        const cart = await newCart(shop, shopper)
        const res = await shopper.post(`/store/carts/${cart}/line-items`, { variant_id: drinkVariant, quantity: 1 })
        return res.data.cart.items[0].unit_price as number
      }
      expect(await price(member)).toBe(2)
      expect(await price(other)).toBe(3)
    })

    it("refuses a members-only product to a guest and to a non-member with a clear message, and sells it to a member", async () => {
      const anonymous = guest(api, shop.publishable_key)
      const guestCart = await newCart(shop, anonymous, "guest@example.com")
      const refusedGuest = await anonymous.post(`/store/carts/${guestCart}/line-items`, { variant_id: membersOnlyVariant, quantity: 1 })
      expect(refusedGuest.status).toBe(400)
      expect(refusedGuest.data.message).toBe(`"Members' evening" is for members only. Log in with the account that holds your membership to buy it.`)

      const nonMember = await storeCustomer(api, shop.publishable_key, "NonMember")
      const cart = await newCart(shop, nonMember)
      const refused = await nonMember.post(`/store/carts/${cart}/line-items`, { variant_id: membersOnlyVariant, quantity: 1 })
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/is for members only, and you hold no membership/)
      expect((await nonMember.get(`/store/carts/${cart}`)).data.cart.items).toHaveLength(0)
      // Other products are not affected.
      expect((await nonMember.post(`/store/carts/${cart}/line-items`, { variant_id: drinkVariant, quantity: 1 })).status).toBe(200)

      // An expired member is told when it ended: the last valid day, in the shop's time zone.
      const lapsed = await storeCustomer(api, shop.publishable_key, "Lapsed")
      await admin.post("/admin/cashless/memberships", {
        plan_id: planId,
        customer_id: lapsed.id,
        starts_at: "2025-01-01T00:00:00+01:00",
        ends_at: "2026-01-01T00:00:00+01:00",
        idempotency_key: key("g"),
      })
      const lapsedCart = await newCart(shop, lapsed)
      const refusedLapsed = await lapsed.post(`/store/carts/${lapsedCart}/line-items`, { variant_id: membersOnlyVariant, quantity: 1 })
      expect(refusedLapsed.status).toBe(400)
      expect(refusedLapsed.data.message).toBe(
        `"Members' evening" is for members only, and your membership ended on 2025-12-31. Renew it to buy this product.`
      )

      const member = await storeCustomer(api, shop.publishable_key, "Member2")
      await admin.post("/admin/cashless/memberships", { plan_id: planId, customer_id: member.id, idempotency_key: key("g") })
      const memberCart = await newCart(shop, member)
      expect((await member.post(`/store/carts/${memberCart}/line-items`, { variant_id: membersOnlyVariant, quantity: 1 })).status).toBe(200)
      expect((await checkout(member, memberCart)).order_id).toMatch(/^order_/)
    })

    it("refuses checkout of a members-only product when the membership lapsed after it was added", async () => {
      const member = await storeCustomer(api, shop.publishable_key, "Lapsing")
      const granted = await admin.post("/admin/cashless/memberships", { plan_id: planId, customer_id: member.id, idempotency_key: key("g") })
      const cart = await newCart(shop, member)
      expect((await member.post(`/store/carts/${cart}/line-items`, { variant_id: membersOnlyVariant, quantity: 1 })).status).toBe(200)
      await admin.post(`/admin/cashless/memberships/${granted.data.membership.id}/cancel`, { reason: "Left the association" })
      const collection = (await member.post("/store/payment-collections", { cart_id: cart })).data.payment_collection
      await member.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      const done = await member.post(`/store/carts/${cart}/complete`, {})
      expect(done.data.type).not.toBe("order")
      expect(JSON.stringify(done.data)).toMatch(/is for members only/)
    })

    it("takes a lapsed member out of the group with the expiry job, and leaves valid members in", async () => {
      const lapsing = await storeCustomer(api, shop.publishable_key, "Short")
      const staying = await storeCustomer(api, shop.publishable_key, "Long")
      const ends = new Date(Date.now() + 1500)
      await admin.post("/admin/cashless/memberships", {
        plan_id: planId,
        customer_id: lapsing.id,
        starts_at: new Date(Date.now() - 86_400_000).toISOString(),
        ends_at: ends.toISOString(),
        idempotency_key: key("g"),
      })
      await admin.post("/admin/cashless/memberships", { plan_id: planId, customer_id: staying.id, idempotency_key: key("g") })
      expect(await inGroup(lapsing.id)).toBe(true)
      await new Promise((r) => setTimeout(r, Math.max(0, +ends - Date.now()) + 200))

      await groupsJob(getContainer())
      expect(await inGroup(lapsing.id)).toBe(false)
      expect(await inGroup(staying.id)).toBe(true)
      const cart = await newCart(shop, lapsing)
      const res = await lapsing.post(`/store/carts/${cart}/line-items`, { variant_id: drinkVariant, quantity: 1 })
      expect(res.data.cart.items[0].unit_price).toBe(3)
    })
  },
})
