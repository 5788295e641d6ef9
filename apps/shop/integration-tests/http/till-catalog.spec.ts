import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { registerCard } from "../helpers/cards"
import type { Db } from "../helpers/db"
import { ledgerClient, type LedgerClient } from "../helpers/ledger-api"
import { type Shop, shopFixture } from "../helpers/shop-fixture"

// What the till screen reads before a sale (#8): its product grid (the channel's published
// products, narrowed to the point of sale's categories, at VAT-included price tags, memberships
// marked) and a card found by the QR token printed on it.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const db = dbConnection as unknown as Db
    let admin: LedgerClient
    let shop: Shop

    beforeAll(async () => {
      admin = await ledgerClient(getContainer(), api)
      shop = await shopFixture(admin, "catalog")
      expect(
        (await admin.post("/admin/tax-regions", { country_code: "fr", provider_id: "tp_system", default_tax_rate: { name: "TVA", code: "FR20", rate: 20 } })).status
      ).toBe(200)
    })

    const pointOfSale = async (body: Record<string, unknown> = {}) => {
      const res = await admin.post("/admin/cashless/points-of-sale", {
        name: `Bar ${Math.random().toString(36).slice(2, 7)}`,
        sales_channel_id: shop.sales_channel_id,
        country_code: "fr",
        tenders: ["wallet", "cash"],
        ...body,
      })
      expect(res.status).toBe(201)
      return res.data.point_of_sale.id as string
    }
    const category = async (name: string) => (await admin.post("/admin/product-categories", { name, is_active: true })).data.product_category.id as string

    it("lists the channel's published products at their VAT-included price tags, memberships marked, unsellable ones left out", async () => {
      const drinks = await category("Drinks")
      const beer = await shop.product("Beer", 4)
      expect((await admin.post(`/admin/product-categories/${drinks}/products`, { add: [beer.product_id] })).status).toBe(200)
      const pass = await shop.product("Bar pass", 10)
      const plan = await admin.post("/admin/cashless/membership-plans", { name: "Bar pass", duration_unit: "days", duration_count: 30, variant_ids: [pass.variant_id] })
      expect(plan.status).toBe(201)
      // Not sellable at this till: a draft, another channel's product, a product without a EUR price.
      const draft = await shop.product("Draft cocktail", 8)
      expect((await admin.post(`/admin/products/${draft.product_id}`, { status: "draft" })).status).toBe(200)
      const elsewhere = (await admin.post("/admin/products", {
        title: "Shop T-shirt",
        status: "published",
        options: [{ title: "Size", values: ["M"] }],
        variants: [{ title: "M", options: { Size: "M" }, manage_inventory: false, prices: [{ amount: 20, currency_code: "eur" }] }],
      })).data.product
      expect(elsewhere.id).toBeTruthy()
      const unpriced = (await admin.post("/admin/products", {
        title: "Dollar soda",
        status: "published",
        options: [{ title: "Kind", values: ["Can"] }],
        variants: [{ title: "Can", options: { Kind: "Can" }, manage_inventory: false, prices: [{ amount: 2, currency_code: "usd" }] }],
        sales_channels: [{ id: shop.sales_channel_id }],
      })).data.product
      expect(unpriced.id).toBeTruthy()

      const posId = await pointOfSale()
      const res = await admin.get(`/admin/cashless/tills/${posId}/catalog`)
      expect(res.status).toBe(200)
      expect(res.data.point_of_sale).toEqual({ id: posId, name: expect.any(String), currency_code: "eur", country_code: "fr", tenders: ["wallet", "cash"] })
      expect(res.data.categories).toEqual([{ id: drinks, name: "Drinks" }])
      const byTitle = Object.fromEntries(res.data.products.map((p: Row) => [p.title, p]))
      expect(Object.keys(byTitle).sort()).toEqual(["Bar pass", "Beer"])
      // The price is stored without VAT here: the till's tag adds France's 20 %.
      expect(byTitle.Beer).toMatchObject({
        id: beer.product_id,
        category_ids: [drinks],
        variants: [{ id: beer.variant_id, title: "Standard", unit_price: 480, tax_rate: 20, membership_plan: null }],
      })
      expect(byTitle["Bar pass"].variants[0]).toMatchObject({ unit_price: 1200, membership_plan: { id: plan.data.plan.id, name: "Bar pass" } })
    })

    it("narrows the grid to the point of sale's categories", async () => {
      const [food, drinks] = [await category("Food"), await category("Softs")]
      const crisps = await shop.product("Crisps", 1.5)
      const juice = await shop.product("Juice", 2.5)
      await admin.post(`/admin/product-categories/${food}/products`, { add: [crisps.product_id] })
      await admin.post(`/admin/product-categories/${drinks}/products`, { add: [juice.product_id] })
      const posId = await pointOfSale({ category_ids: [drinks] })
      const res = await admin.get(`/admin/cashless/tills/${posId}/catalog`)
      expect(res.data.products.map((p: Row) => p.title)).toEqual(["Juice"])
      expect(res.data.categories).toEqual([{ id: drinks, name: "Softs" }])
      expect((await admin.get(`/admin/cashless/tills/pos_nope/catalog`)).status).toBe(404)
    })

    it("finds a card by the QR token printed on it, and says what is wrong with a bad lookup", async () => {
      const card = await registerCard(admin, db, "Catalog", "Q")
      const byToken = await admin.get(`/admin/cashless/card-lookup?qr_token=${encodeURIComponent(card.qr_token)}`)
      expect(byToken.status).toBe(200)
      expect(byToken.data.card).toMatchObject({ id: card.id, uid: card.uid, status: "new", membership: { status: "none" } })
      const unknown = await admin.get(`/admin/cashless/card-lookup?qr_token=not-a-token-of-ours-at-all`)
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("No card has this QR code.")
      for (const query of ["", `?uid=${card.uid}&qr_token=${card.qr_token}`]) {
        const bad = await admin.get(`/admin/cashless/card-lookup${query}`)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toBe("Invalid query: Give the card's uid or its qr_token (one of them).")
      }
    })
  },
})
