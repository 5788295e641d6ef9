import { basketLines, basketNeedsCard, basketReducer, basketTotal, type BasketItem } from "../basket"

const beer = { variant_id: "v_beer", title: "Beer", unit_price: 350, membership: false }
const pass = { variant_id: "v_member", title: "Membership", unit_price: 1500, membership: true }

describe("basketReducer", () => {
  it("adds, counts, takes away and clears", () => {
    let items: BasketItem[] = []
    items = basketReducer(items, { type: "add", item: beer })
    items = basketReducer(items, { type: "add", item: beer })
    items = basketReducer(items, { type: "add", item: pass })
    expect(basketLines(items)).toEqual([
      { variant_id: "v_beer", quantity: 2 },
      { variant_id: "v_member", quantity: 1 },
    ])
    expect(basketTotal(items)).toBe(2200)
    expect(basketNeedsCard(items)).toBe(true)
    items = basketReducer(items, { type: "decrement", variant_id: "v_member" })
    expect(basketNeedsCard(items)).toBe(false)
    items = basketReducer(items, { type: "increment", variant_id: "v_beer" })
    expect(basketTotal(items)).toBe(1050)
    items = basketReducer(items, { type: "remove", variant_id: "v_beer" })
    expect(items).toEqual([])
    expect(basketReducer([{ ...beer, quantity: 3 }], { type: "clear" })).toEqual([])
  })

  it("stops at the 1000 a line may hold", () => {
    let items: BasketItem[] = [{ ...beer, quantity: 999 }]
    items = basketReducer(items, { type: "add", item: beer })
    items = basketReducer(items, { type: "increment", variant_id: "v_beer" })
    expect(items[0].quantity).toBe(1000)
  })
})
