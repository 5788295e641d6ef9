import { refundBlockedReason, refundOffers } from "../refund-offers"
import type { TopUpRow } from "../refunds"
import { shortId } from "../short-id"
import type { WalletBalance } from "../wallets"

const topUp = (refundable: number, currency_code = "eur"): TopUpRow => ({
  payment_id: `pay_${refundable}`,
  order_id: `order_${refundable}`,
  order: null,
  credited_at: "2026-01-01T00:00:00.000Z",
  currency_code,
  credited: refundable,
  refunded: 0,
  payment_remaining: refundable,
  provider_id: "pp_system_default",
  refundable,
})
const balances = (eur: number, gift = 0): WalletBalance[] => [
  { asset_code: "EUR", kind: "fiat", currency_code: "eur", balance: eur },
  { asset_code: "EUR_GIFT", kind: "gift", currency_code: "eur", balance: gift },
]

describe("refund offers", () => {
  it("allows the lower of the refundable balance and what can go back online, per currency", () => {
    expect(refundOffers(balances(1000, 500), [topUp(2000), topUp(1500)])).toEqual([
      { currency_code: "eur", balance: 1000, online: 3500, max: 1000 },
    ])
    expect(refundOffers(balances(4000), [topUp(3000), topUp(700, "usd")])).toEqual([
      { currency_code: "eur", balance: 4000, online: 3000, max: 3000 },
    ])
  })

  it("says why nothing can be refunded online", () => {
    expect(refundBlockedReason(refundOffers(balances(1000), [topUp(1000)]), [topUp(1000)])).toBeNull()
    expect(refundBlockedReason(refundOffers(balances(1000), []), [])).toMatch(/never topped up online/)
    expect(refundBlockedReason(refundOffers(balances(1000), [topUp(0)]), [topUp(0)])).toMatch(/already gone back/)
    expect(refundBlockedReason(refundOffers(balances(0, 500), [topUp(1000)]), [topUp(1000)])).toMatch(/no refundable money/)
  })

  it("shortens long ids only", () => {
    expect(shortId("pay_01JABCDEFGHJKMNPQRSTVWXYZ")).toBe("…RSTVWXYZ")
    expect(shortId("pay_1")).toBe("pay_1")
  })
})
