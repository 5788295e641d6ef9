import { clx, Text } from "@medusajs/ui"
import { formatSignedMoney } from "../lib/money"

/** Money in or out of the wallet, green or red, so a history reads at a glance. */
export const SignedAmount = ({ minor, currencyCode }: { minor: number; currencyCode: string | undefined }) => (
  <Text
    size="small"
    leading="compact"
    weight="plus"
    className={clx("whitespace-nowrap tabular-nums", minor < 0 ? "text-ui-tag-red-text" : "text-ui-tag-green-text")}
  >
    {formatSignedMoney(minor, currencyCode)}
  </Text>
)
