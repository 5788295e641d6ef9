/** The basket of the till: variants and quantities, priced at the catalog's public prices. */
export type BasketItem = {
  variant_id: string
  title: string
  unit_price: number
  quantity: number
  /** Selling a membership needs a card to hold it. */
  membership: boolean
}

export type BasketAction =
  | { type: "add"; item: Omit<BasketItem, "quantity"> }
  | { type: "increment" | "decrement" | "remove"; variant_id: string }
  | { type: "clear" }

/** The server takes at most 1000 of a line. */
const MAX_QUANTITY = 1000

export function basketReducer(items: BasketItem[], action: BasketAction): BasketItem[] {
  switch (action.type) {
    case "add": {
      const found = items.find((i) => i.variant_id === action.item.variant_id)
      if (!found) return [...items, { ...action.item, quantity: 1 }]
      return items.map((i) => (i === found ? { ...i, quantity: Math.min(MAX_QUANTITY, i.quantity + 1) } : i))
    }
    case "increment":
      return items.map((i) => (i.variant_id === action.variant_id ? { ...i, quantity: Math.min(MAX_QUANTITY, i.quantity + 1) } : i))
    case "decrement":
      return items
        .map((i) => (i.variant_id === action.variant_id ? { ...i, quantity: i.quantity - 1 } : i))
        .filter((i) => i.quantity > 0)
    case "remove":
      return items.filter((i) => i.variant_id !== action.variant_id)
    case "clear":
      return []
  }
}

export const basketTotal = (items: BasketItem[]) => items.reduce((sum, i) => sum + i.unit_price * i.quantity, 0)

export const basketLines = (items: BasketItem[]) => items.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity }))

export const basketNeedsCard = (items: BasketItem[]) => items.some((i) => i.membership)
