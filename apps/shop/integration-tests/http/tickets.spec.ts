import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { registerCard } from "../helpers/cards"
import { eventually } from "../helpers/eventually"
import { key, ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { checkout, newCart, type Shop, shopFixture } from "../helpers/shop-fixture"
import { storeCustomer, type StoreCustomer } from "../helpers/store-customer"
import type { Db } from "../helpers/db"

// Tickets (#12) through Medusa's own checkout and inventory: issued once per unit on capture,
// capacity held by Medusa inventory with a clear refusal, admitted once at the door whatever
// the number of doors, by QR or by the holder's card, cancelled and refunded with the order.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Res = { status: number; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop
    let locationId: string
    let doorA: string
    let doorB: string

    const must = async (what: string, res: Promise<Res> | Res, status = 200) => {
      const r = await res
      if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.data)}`)
      return r.data
    }

    /** A product whose variants are ticket types, and its event. */
    async function newEvent(
      name: string,
      capacity: number,
      types: Array<{ title: string; price: number; metadata?: Record<string, unknown> }>,
      laterTypes: string[] = []
    ) {
      const { product } = await must(
        "product",
        admin.post("/admin/products", {
          title: name,
          status: "published",
          options: [{ title: "Type", values: [...types.map((t) => t.title), ...laterTypes] }],
          variants: types.map((t) => ({
            title: t.title,
            options: { Type: t.title },
            manage_inventory: false,
            metadata: t.metadata,
            prices: [{ amount: t.price, currency_code: "eur" }],
          })),
          sales_channels: [{ id: shop.sales_channel_id }],
        })
      )
      const { event } = await must(
        "event",
        admin.post("/admin/cashless/ticket-events", {
          name,
          venue: "Salle des fêtes",
          starts_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          capacity,
          product_id: product.id,
        }),
        201
      )
      const variant = (title: string) => product.variants.find((v: { title: string }) => v.title === title).id as string
      return { event, product, variant }
    }

    async function buy(who: StoreCustomer, lines: Array<{ variant_id: string; quantity: number }>) {
      const cart = await newCart(shop, who)
      for (const l of lines) await must("line", who.post(`/store/carts/${cart}/line-items`, l))
      return checkout(who, cart)
    }

    type TicketRow = { id: string; secret: string; status: string; line_item_id: string; unit_index: number; holder_email: string | null }
    const ticketsOf = async (orderId: string) =>
      (await db.raw(
        `select id, secret, status, line_item_id, unit_index, holder_email from cashless_ticket where order_id = ? order by line_item_id, unit_index`,
        [orderId]
      )) as unknown as { rows: TicketRow[] }
    const checkIn = (door: string, body: Record<string, unknown>) =>
      admin.post(`/admin/cashless/doors/${door}/check-ins`, { idempotency_key: key("door"), ...body })

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "tickets")
      locationId = (await must("location", admin.post("/admin/stock-locations", { name: "Festival grounds" }))).stock_location.id
      await must("location channel", admin.post(`/admin/stock-locations/${locationId}/sales-channels`, { add: [shop.sales_channel_id] }))
      const door = async (name: string) =>
        (await must("door", admin.post("/admin/cashless/points-of-sale", { name, sales_channel_id: shop.sales_channel_id, country_code: "fr" }), 201))
          .point_of_sale.id as string
      doorA = await door("North gate")
      doorB = await door("South gate")
    })

    it("issues one ticket per unit when the payment is captured, once, however often the events come", async () => {
      const { event, variant } = await newEvent("Summer night", 50, [
        { title: "Adult", price: 20 },
        { title: "Child", price: 8 },
      ])
      expect(event).toMatchObject({ capacity: 50, stock_location_id: locationId, counts: { issued: 0 } })
      expect(event.ticket_types.map((t: { title: string }) => t.title).sort()).toEqual(["Adult", "Child"])
      const lea = await storeCustomer(api, shop.publishable_key, "Lea")
      const { order_id } = await buy(lea, [
        { variant_id: variant("Adult"), quantity: 2 },
        { variant_id: variant("Child"), quantity: 1 },
      ])
      const { rows } = await eventually(() => ticketsOf(order_id), (r) => r.rows.length >= 3)
      expect(rows).toHaveLength(3)
      expect(new Set(rows.map((r: { secret: string }) => r.secret)).size).toBe(3)
      for (const r of rows) {
        expect(r.secret).toMatch(/^tk_[A-Za-z0-9_-]{24}$/)
        expect(Buffer.from(r.secret.slice(3), "base64url").length * 8).toBeGreaterThanOrEqual(128)
        expect(r).toMatchObject({ status: "valid", holder_email: lea.email })
      }
      expect(rows.map((r: { unit_index: number }) => r.unit_index).sort()).toEqual([0, 0, 1])

      // The capture and the order placed, delivered again (a retry, a second worker): nothing more.
      const { rows: payments } = await db.raw(
        `select p.id from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
        [order_id]
      )
      await getContainer().resolve(Modules.EVENT_BUS).emit([
        { name: "payment.captured", data: { id: payments[0].id } },
        { name: "payment.captured", data: { id: payments[0].id } },
        { name: "order.placed", data: { id: order_id } },
      ])
      await new Promise((r) => setTimeout(r, 1500))
      const again = await ticketsOf(order_id)
      expect(again.rows.map((r: { secret: string }) => r.secret)).toEqual(rows.map((r: { secret: string }) => r.secret))

      // The buyer sees them from the order, each with its page; the secret alone opens one.
      const mine = await must("my tickets", lea.get(`/store/cashless/me/tickets?order_id=${order_id}`))
      expect(mine.tickets).toHaveLength(3)
      expect(mine.tickets[0]).toMatchObject({ status: "valid", event: { id: event.id, name: "Summer night" } })
      expect(mine.tickets[0].page_url).toContain(`/cashless/tickets/${mine.tickets[0].secret}`)
      const guest = { headers: { "x-publishable-api-key": shop.publishable_key }, validateStatus: () => true }
      const bySecret = await api.get(`/store/cashless/tickets/${rows[0].secret}`, guest)
      expect(bySecret.status).toBe(200)
      expect(bySecret.data.ticket.id).toBe(rows[0].id)
      expect((await api.get(`/store/cashless/tickets/tk_${"A".repeat(24)}`, guest)).status).toBe(404)
      // Staff never see a secret.
      const listed = await must("admin tickets", admin.get(`/admin/cashless/tickets?order_id=${order_id}`))
      expect(listed.count).toBe(3)
      expect(JSON.stringify(listed)).not.toContain(rows[0].secret)
      expect((await must("event", admin.get(`/admin/cashless/ticket-events/${event.id}`))).event.counts).toMatchObject({ issued: 3, valid: 3 })
      // Another customer's tickets are not theirs.
      const max = await storeCustomer(api, shop.publishable_key, "Max")
      expect((await must("max tickets", max.get(`/store/cashless/me/tickets?order_id=${order_id}`))).tickets).toHaveLength(0)
    })

    it("refuses a cart beyond the capacity with a clear message, counting every ticket type against it", async () => {
      const { event, variant } = await newEvent(
        "Tiny club night",
        3,
        [
          { title: "Early", price: 10 },
          { title: "Late", price: 12 },
        ],
        ["Door"]
      )
      const ana = await storeCustomer(api, shop.publishable_key, "Ana")
      await buy(ana, [
        { variant_id: variant("Early"), quantity: 1 },
        { variant_id: variant("Late"), quantity: 1 },
      ])
      const bo = await storeCustomer(api, shop.publishable_key, "Bo")
      const cart = await newCart(shop, bo)
      const tooMany = await bo.post(`/store/carts/${cart}/line-items`, { variant_id: variant("Late"), quantity: 2 })
      expect(tooMany.status).toBeGreaterThanOrEqual(400)
      expect(tooMany.status).toBeLessThan(500)
      expect(tooMany.data.message).toBe(`Only 1 ticket is left for "Tiny club night": you asked for 2.`)
      expect((await bo.get(`/store/carts/${cart}`)).data.cart.items).toHaveLength(0)
      await must("last one", bo.post(`/store/carts/${cart}/line-items`, { variant_id: variant("Early"), quantity: 1 }))
      await checkout(bo, cart)
      const cy = await storeCustomer(api, shop.publishable_key, "Cy")
      const late = await newCart(shop, cy)
      const soldOut = await cy.post(`/store/carts/${late}/line-items`, { variant_id: variant("Early"), quantity: 1 })
      expect(soldOut.status).toBeGreaterThanOrEqual(400)
      expect(soldOut.data.message).toBe(`"Tiny club night" is sold out: no ticket is left.`)
      await eventually(
        async () => (await must("event", admin.get(`/admin/cashless/ticket-events/${event.id}`))).event.counts.issued,
        (n) => n === 3
      )
      // The capacity cannot go below what is sold; raising it sells again.
      const lower = await admin.post(`/admin/cashless/ticket-events/${event.id}`, { capacity: 2 })
      expect(lower.status).toBe(400)
      expect(lower.data.message).toContain("cannot go below 3")
      await must("raise", admin.post(`/admin/cashless/ticket-events/${event.id}`, { capacity: 4 }))
      await must("now available", cy.post(`/store/carts/${late}/line-items`, { variant_id: variant("Early"), quantity: 1 }))

      // A ticket type added to the product later draws on the same places once the event is saved.
      const productId = event.product_id as string
      const withDoor = await must(
        "door type",
        admin.post(`/admin/products/${productId}/variants`, { title: "Door", options: { Type: "Door" }, manage_inventory: false, prices: [{ amount: 15, currency_code: "eur" }] })
      )
      const door = withDoor.product.variants.find((v: { title: string }) => v.title === "Door").id as string
      await must("save event", admin.post(`/admin/cashless/ticket-events/${event.id}`, { venue: "Back room" }))
      const dee = await storeCustomer(api, shop.publishable_key, "Dee")
      const doorCart = await newCart(shop, dee)
      const beyond = await dee.post(`/store/carts/${doorCart}/line-items`, { variant_id: door, quantity: 2 })
      expect(beyond.status).toBeGreaterThanOrEqual(400)
      expect(beyond.data.message).toBe(`Only 1 ticket is left for "Tiny club night": you asked for 2.`)
      // The door ticket bought reserves the last place: the other types are sold out after it.
      await must("one door ticket", dee.post(`/store/carts/${doorCart}/line-items`, { variant_id: door, quantity: 1 }))
      await checkout(dee, doorCart)
      const eve = await storeCustomer(api, shop.publishable_key, "Eve")
      const after = await eve.post(`/store/carts/${await newCart(shop, eve)}/line-items`, { variant_id: variant("Late"), quantity: 1 })
      expect(after.data.message).toBe(`"Tiny club night" is sold out: no ticket is left.`)
      const types = (await must("event", admin.get(`/admin/cashless/ticket-events/${event.id}`))).event.ticket_types
      expect(types.map((t: { title: string }) => t.title).sort()).toEqual(["Door", "Early", "Late"])
    })

    it("admits a ticket once when two doors scan it at the same moment, and a scanner's retry is the same admission", async () => {
      const { event, variant } = await newEvent("Big concert", 100, [{ title: "Standing", price: 30 }])
      const zoe = await storeCustomer(api, shop.publishable_key, "Zoe")
      const { order_id } = await buy(zoe, [{ variant_id: variant("Standing"), quantity: 1 }])
      const { rows } = await eventually(() => ticketsOf(order_id), (r) => r.rows.length === 1)
      const secret = rows[0].secret as string
      const url = `http://localhost:9000/cashless/tickets/${secret}`
      const scans = await Promise.all(
        Array.from({ length: 12 }, (_, i) => checkIn(i % 2 ? doorA : doorB, { event_id: event.id, secret: i % 3 ? secret : url }))
      )
      const admitted = scans.filter((s) => s.status === 200)
      expect(admitted).toHaveLength(1)
      expect(admitted[0].data).toMatchObject({ outcome: "admitted", counts: { checked_in: 1, capacity: 100, issued: 1 } })
      for (const s of scans.filter((s) => s.status !== 200)) {
        expect(s.status).toBe(409)
        expect(s.data).toMatchObject({ outcome: "already_checked_in" })
        expect(s.data.ticket.checked_in_at).toBe(admitted[0].data.ticket.checked_in_at)
        expect(s.data.message).toMatch(/^Already checked in at \d\d:\d\d UTC by .+ at (North|South) gate\.$/)
      }
      const { rows: after } = await db.raw(`select status, checked_in_where, checked_in_by from cashless_ticket where id = ?`, [rows[0].id])
      expect(after[0].status).toBe("checked_in")
      expect([doorA, doorB]).toContain(after[0].checked_in_where)

      // The admitted scan's retry (same key) answers admitted again; a new scan does not.
      const idem = key("retry")
      const fresh = await newEvent("Retry night", 10, [{ title: "Seat", price: 5 }])
      const { order_id: o2 } = await buy(zoe, [{ variant_id: fresh.variant("Seat"), quantity: 1 }])
      const { rows: t2 } = await eventually(() => ticketsOf(o2), (r) => r.rows.length === 1)
      const first = await checkIn(doorA, { event_id: fresh.event.id, secret: t2[0].secret, idempotency_key: idem })
      const retry = await checkIn(doorA, { event_id: fresh.event.id, secret: t2[0].secret, idempotency_key: idem })
      expect([first.status, retry.status]).toEqual([200, 200])
      expect(retry.data.ticket.checked_in_at).toBe(first.data.ticket.checked_in_at)
      expect((await checkIn(doorB, { event_id: fresh.event.id, secret: t2[0].secret })).data.outcome).toBe("already_checked_in")
      // The key of that admission cannot admit another ticket.
      const misuse = await checkIn(doorA, { event_id: event.id, secret, idempotency_key: idem })
      expect(misuse.status).toBe(409)
      expect(misuse.data.message).toContain("already admitted another ticket")

      // A ticket of another event, a code that is no ticket, a cancelled ticket.
      const wrong = await checkIn(doorA, { event_id: fresh.event.id, secret })
      expect(wrong.status).toBe(409)
      expect(wrong.data).toMatchObject({ outcome: "wrong_event", ticket_event: { id: event.id, name: "Big concert" } })
      const junk = await checkIn(doorA, { event_id: event.id, secret: "https://shop.example/cashless/card/abc" })
      expect(junk.status).toBe(404)
      expect(junk.data.outcome).toBe("unknown_ticket")
      const unknown = await checkIn(doorA, { event_id: event.id, secret: `tk_${"B".repeat(24)}` })
      expect([unknown.status, unknown.data.outcome]).toEqual([404, "unknown_ticket"])
    })

    it("refuses a cancelled ticket at the door, and checks in a bound card's holder one ticket per tap", async () => {
      const { event, variant } = await newEvent("Cabaret", 20, [{ title: "Seat", price: 12 }])
      const tom = await storeCustomer(api, shop.publishable_key, "Tom")
      const { order_id } = await buy(tom, [{ variant_id: variant("Seat"), quantity: 3 }])
      const { rows } = await eventually(() => ticketsOf(order_id), (r) => r.rows.length === 3)

      const cancelled = await must("cancel", admin.post(`/admin/cashless/tickets/${rows[0].id}/cancel`, { reason: "Duplicate purchase" }))
      expect(cancelled.ticket).toMatchObject({ status: "cancelled", cancel_reason: "Duplicate purchase" })
      const refused = await checkIn(doorA, { event_id: event.id, secret: rows[0].secret })
      expect(refused.status).toBe(409)
      expect(refused.data).toMatchObject({ outcome: "cancelled", message: "This ticket was cancelled: Duplicate purchase" })
      expect((await db.raw(`select status from cashless_ticket where id = ?`, [rows[0].id])).rows[0].status).toBe("cancelled")

      const card = await registerCard(admin, db, "Door cards", "D")
      await must("bind", admin.post(`/admin/cashless/cards/${card.id}/bind`, { customer_id: tom.id }))
      const tap = () => checkIn(doorB, { event_id: event.id, uid: card.uid })
      const one = await tap()
      expect(one.status).toBe(200)
      expect(one.data).toMatchObject({ outcome: "admitted", holder_remaining: 1, ticket: { holder_email: tom.email, customer_id: tom.id } })
      const two = await tap()
      expect(two.status).toBe(200)
      expect(two.data.holder_remaining).toBe(0)
      expect(two.data.ticket.id).not.toBe(one.data.ticket.id)
      const three = await tap()
      expect(three.status).toBe(409)
      expect(three.data.outcome).toBe("already_checked_in")
      expect(three.data.counts).toMatchObject({ checked_in: 2 })

      const stranger = await registerCard(admin, db, "Door cards", "D")
      const anonymous = await checkIn(doorA, { event_id: event.id, uid: stranger.uid })
      expect([anonymous.status, anonymous.data.outcome]).toEqual([409, "no_ticket"])
      const unregistered = await checkIn(doorA, { event_id: event.id, uid: "04AABBCCDDEE11" })
      expect([unregistered.status, unregistered.data.outcome]).toEqual([404, "unknown_card"])
    })

    it("cancels an order's tickets with the order, and refunds a ticket once; a used ticket needs the override", async () => {
      const { event, variant } = await newEvent("Theatre", 20, [{ title: "Seat", price: 15 }])
      const eva = await storeCustomer(api, shop.publishable_key, "Eva")
      const { order_id } = await buy(eva, [{ variant_id: variant("Seat"), quantity: 3 }])
      const { rows } = await eventually(() => ticketsOf(order_id), (r) => r.rows.length === 3)
      await must("admit", checkIn(doorA, { event_id: event.id, secret: rows[0].secret }))

      const used = await admin.post(`/admin/cashless/tickets/${rows[0].id}/refund`, { reason: "Left early" })
      expect(used.status).toBe(409)
      expect(used.data.code).toBe("checked_in")
      expect(used.data.message).toContain("checked_in_override")

      // Two refunds of one ticket at once: the money moves once.
      const both = await Promise.all([1, 2].map(() => admin.post(`/admin/cashless/tickets/${rows[1].id}/refund`, { reason: "Ill" })))
      expect(both.map((b) => b.status).sort()).toEqual([200, 200])
      expect(both.map((b) => b.data.replayed).sort()).toEqual([false, true])
      expect(both.find((b) => !b.data.replayed)!.data.refund).toEqual({ amount: 1500, currency_code: "eur" })
      const { rows: refunds } = await db.raw(
        `select r.amount from refund r join payment p on p.id = r.payment_id join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
        [order_id]
      )
      expect(refunds.map((r: Record<string, unknown>) => Number(r.amount))).toEqual([15])
      const override = await must("override", admin.post(`/admin/cashless/tickets/${rows[0].id}/refund`, { checked_in_override: true }))
      expect(override.ticket.status).toBe("refunded")
      expect((await must("event", admin.get(`/admin/cashless/ticket-events/${event.id}`))).event.counts).toMatchObject({ refunded: 2, valid: 1 })

      const { order_id: other } = await buy(eva, [{ variant_id: variant("Seat"), quantity: 2 }])
      await eventually(() => ticketsOf(other), (r) => r.rows.length === 2)
      await must("cancel order", admin.post(`/admin/orders/${other}/cancel`, {}))
      const { rows: gone } = await eventually(() => ticketsOf(other), (r) => r.rows.every((t: { status: string }) => t.status === "cancelled"))
      expect(gone).toHaveLength(2)
      const scan = await checkIn(doorB, { event_id: event.id, secret: gone[0].secret })
      expect(scan.data.outcome).toBe("cancelled")

      // Refunded in full from the Medusa admin (not cancelled): its tickets admit no one; a
      // partial refund names no ticket, so it changes none.
      const { order_id: third } = await buy(eva, [{ variant_id: variant("Seat"), quantity: 2 }])
      await eventually(() => ticketsOf(third), (r) => r.rows.length === 2)
      const { rows: pay } = await db.raw(
        `select p.id from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`,
        [third]
      )
      await must("partial", admin.post(`/admin/payments/${pay[0].id}/refund`, { amount: 10 }))
      await new Promise((r) => setTimeout(r, 1000))
      expect((await ticketsOf(third)).rows.map((t: { status: string }) => t.status)).toEqual(["valid", "valid"])
      await must("the rest", admin.post(`/admin/payments/${pay[0].id}/refund`, { amount: 20 }))
      const { rows: paidBack } = await eventually(() => ticketsOf(third), (r) => r.rows.every((t: { status: string }) => t.status === "refunded"))
      expect(paidBack).toHaveLength(2)
    })

    it("keeps a members-only ticket type for members, and refuses bad input with a readable 4xx that writes nothing", async () => {
      const { event, variant } = await newEvent("Members' gala", 10, [
        { title: "Public", price: 25 },
        { title: "Members", price: 10, metadata: { cashless_members_only: "true" } },
      ])
      const guestish = await storeCustomer(api, shop.publishable_key, "Nomember")
      const cart = await newCart(shop, guestish)
      const refused = await guestish.post(`/store/carts/${cart}/line-items`, { variant_id: variant("Members"), quantity: 1 })
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.data.message).toContain(`"Members' gala (Members)" is for members only`)
      await must("public ok", guestish.post(`/store/carts/${cart}/line-items`, { variant_id: variant("Public"), quantity: 1 }))

      // A member (valid membership, so in the plan's customer group) may buy the members' type,
      // and pays the member price a price list gives the public type.
      const group = (await must("group", admin.post("/admin/customer-groups", { name: "Gala members" }))).customer_group.id
      const plan = await must("plan", admin.post("/admin/cashless/membership-plans", { name: "Gala membership", duration_unit: "months", customer_group_id: group }), 201)
      await must(
        "member price",
        admin.post("/admin/price-lists", {
          title: "Gala member prices",
          description: "Members pay less",
          type: "sale",
          status: "active",
          rules: { "customer.groups.id": [group] },
          prices: [{ amount: 18, currency_code: "eur", variant_id: variant("Public") }],
        })
      )
      const member = await storeCustomer(api, shop.publishable_key, "Member")
      await must("grant", admin.post("/admin/cashless/memberships", { plan_id: plan.plan.id, customer_id: member.id, idempotency_key: key("gala") }), 201)
      const memberCart = await newCart(shop, member)
      await must("members type", member.post(`/store/carts/${memberCart}/line-items`, { variant_id: variant("Members"), quantity: 1 }))
      const withPublic = await must("public type", member.post(`/store/carts/${memberCart}/line-items`, { variant_id: variant("Public"), quantity: 1 }))
      const prices = Object.fromEntries(withPublic.cart.items.map((i: { variant_id: string; unit_price: number }) => [i.variant_id, i.unit_price]))
      expect(prices).toEqual({ [variant("Members")]: 10, [variant("Public")]: 18 })
      const { order_id } = await checkout(member, memberCart)
      const { rows: memberTickets } = await eventually(() => ticketsOf(order_id), (r) => r.rows.length === 2)
      expect(memberTickets).toHaveLength(2)

      const before = (await db.raw(`select count(*)::int as n from cashless_ticket_event`)).rows[0].n
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ name: "X", starts_at: "soon", capacity: 5, product_id: "prod_x" }, /starts_at must be a date/],
        [{ name: "X", starts_at: "2027-01-01", capacity: -1, product_id: "prod_x" }, /capacity must be from 0/],
        [{ name: "X", starts_at: "2027-01-02", ends_at: "2027-01-01", capacity: 5, product_id: "prod_x" }, /ends after it starts/],
        [{ name: "X", starts_at: "2027-01-01", capacity: 5, product_id: "prod_missing" }, /does not exist/],
        [{ name: "Again", starts_at: "2027-01-01", capacity: 5, product_id: event.product_id }, /already sells the tickets/],
      ]
      for (const [body, message] of cases) {
        const res = await admin.post("/admin/cashless/ticket-events", body)
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        expect(res.data.message).toMatch(message)
      }
      expect((await db.raw(`select count(*)::int as n from cashless_ticket_event`)).rows[0].n).toBe(before)
      const both = await admin.post(`/admin/cashless/doors/${doorA}/check-ins`, { event_id: event.id, secret: "x", uid: "04AA", idempotency_key: "k" })
      expect(both.status).toBe(400)
      expect(both.data.message).toContain("exactly one of secret")
    })
  },
})
