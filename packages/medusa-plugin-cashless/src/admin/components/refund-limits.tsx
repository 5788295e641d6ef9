import { Text } from "@medusajs/ui"
import { formatMoney } from "../lib/money"
import type { RefundOffer } from "../lib/refund-offers"

/** The two ceilings of a refund, side by side, so staff see which one binds before typing. */
export const RefundLimits = ({ offer }: { offer: RefundOffer }) => (
  <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-md px-3 py-2" aria-label="Refund limits">
    <Text size="small" leading="compact">
      Refundable online: <span className="tabular-nums">{formatMoney(offer.online, offer.currency_code)}</span>
    </Text>
    <Text size="small" leading="compact">
      Refundable balance: <span className="tabular-nums">{formatMoney(offer.balance, offer.currency_code)}</span>
    </Text>
    <Text size="small" leading="compact" weight="plus">
      At most {formatMoney(offer.max, offer.currency_code)} can be refunded here.
    </Text>
    {offer.balance > offer.online && (
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        The other {formatMoney(offer.balance - offer.online, offer.currency_code)} was not paid online: it goes back in
        cash at a till.
      </Text>
    )}
  </div>
)
