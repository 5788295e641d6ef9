/**
 * The demo shop: what a café-association that also runs a festival would sell.
 * Prices are Medusa amounts, i.e. major units (euros), as Medusa stores them.
 */
export const DEMO_CURRENCY = "eur"

export const DEMO_COUNTRIES = ["fr", "be", "de", "es", "it", "nl", "lu"]

export const DEMO_SALES_CHANNELS = [
  { name: "Bar", description: "Point of sale: the bar of the café and of the festival" },
  { name: "Shop", description: "Point of sale and online shop: tickets, memberships, merchandise" },
] as const

export const DEMO_PUBLISHABLE_KEY_TITLE = "Cashless demo storefront"

export const DEMO_ADMIN = { first_name: "Demo", last_name: "Admin" }
/** Demo staff of the till; they log in with the demo admin's password. */
export const DEMO_MANAGER_EMAIL = "manager@cashless.local"
export const DEMO_CASHIER_EMAIL = "cashier@cashless.local"

export type DemoProduct = {
  title: string
  handle: string
  description: string
  category: string
  channels: Array<(typeof DEMO_SALES_CHANNELS)[number]["name"]>
  price: number
}

export const DEMO_CATEGORIES = [
  { name: "Drinks", handle: "drinks" },
  { name: "Tickets", handle: "tickets" },
]

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    title: "Draught beer 25 cl",
    handle: "draught-beer-25cl",
    description: "Local craft beer on tap.",
    category: "drinks",
    channels: ["Bar"],
    price: 3.5,
  },
  {
    title: "Lemonade",
    handle: "lemonade",
    description: "Home-made lemonade, 33 cl.",
    category: "drinks",
    channels: ["Bar"],
    price: 2.5,
  },
  {
    title: "Coffee",
    handle: "coffee",
    description: "Espresso or long coffee.",
    category: "drinks",
    channels: ["Bar"],
    price: 1.5,
  },
  {
    title: "Festival pass (3 days)",
    handle: "festival-pass-3-days",
    description: "Entry to the three days of the festival.",
    category: "tickets",
    channels: ["Shop", "Bar"],
    price: 45,
  },
]
