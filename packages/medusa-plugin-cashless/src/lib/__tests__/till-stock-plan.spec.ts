import { stockMoves, stockNeeds, type StockVariant } from "../till-stock-plan"

const managed = (id: string, items: Array<[string, number | null]>): StockVariant => ({
  id,
  manage_inventory: true,
  inventory_items: items.map(([inventory_item_id, required_quantity]) => ({ inventory_item_id, required_quantity })),
})

describe("stockNeeds", () => {
  it("takes a managed variant's item × the line's quantity", () => {
    expect(stockNeeds([{ variant_id: "v_beer", quantity: 2 }], [managed("v_beer", [["i_beer", 1]])])).toEqual(new Map([["i_beer", 2]]))
  })

  it("takes a kit by its parts × their required quantity, and adds up lines sharing a part", () => {
    const variants = [managed("v_mojito", [["i_rum", 1], ["i_syrup", 2]]), managed("v_rum", [["i_rum", null]])]
    const lines = [
      { variant_id: "v_mojito", quantity: 3 },
      { variant_id: "v_rum", quantity: 1 },
    ]
    expect(stockNeeds(lines, variants)).toEqual(
      new Map([
        ["i_rum", 4],
        ["i_syrup", 6],
      ])
    )
  })

  it("leaves unmanaged variants alone, even with an item linked, and variants gone since the sale", () => {
    const unmanaged: StockVariant = { ...managed("v_crisps", [["i_crisps", 1]]), manage_inventory: false }
    expect(stockNeeds([{ variant_id: "v_crisps", quantity: 1 }, { variant_id: "v_gone", quantity: 1 }], [unmanaged])).toEqual(new Map())
  })
})

describe("stockMoves", () => {
  const needs = new Map([
    ["i_b", 1],
    ["i_a", 2],
  ])

  it("takes each item from the first location by id that stocks it", () => {
    const levels = [
      { inventory_item_id: "i_a", location_id: "sloc_2" },
      { inventory_item_id: "i_a", location_id: "sloc_3" },
      { inventory_item_id: "i_b", location_id: "sloc_1" },
    ]
    expect(stockMoves(needs, ["sloc_3", "sloc_1", "sloc_2"], levels)).toEqual([
      { inventory_item_id: "i_a", location_id: "sloc_2", quantity: 2 },
      { inventory_item_id: "i_b", location_id: "sloc_1", quantity: 1 },
    ])
  })

  it("takes an item stocked nowhere in the channel from its first location", () => {
    expect(stockMoves(needs, ["sloc_2", "sloc_1"], [{ inventory_item_id: "i_a", location_id: "sloc_elsewhere" }])).toEqual([
      { inventory_item_id: "i_a", location_id: "sloc_1", quantity: 2 },
      { inventory_item_id: "i_b", location_id: "sloc_1", quantity: 1 },
    ])
  })

  it("moves nothing without a location", () => {
    expect(stockMoves(needs, [], [])).toEqual([])
  })
})
