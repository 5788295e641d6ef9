import { Badge, Text } from "@medusajs/ui"
import { formatMoney } from "../lib/money"
import { sortBalances, type WalletBalance } from "../lib/wallets"

/** One line per asset; gift credit is marked because it spends first and is never refunded. */
export const BalanceList = ({ balances }: { balances: WalletBalance[] }) => (
  <div className="flex flex-col gap-y-1">
    {sortBalances(balances).map((b) => (
      <div key={b.asset_code} className="flex items-center gap-x-2">
        <Text size="small" leading="compact" className="whitespace-nowrap tabular-nums">
          {formatMoney(b.balance, b.currency_code)}
        </Text>
        {b.kind === "gift" && (
          <Badge size="2xsmall" color="purple">
            gift
          </Badge>
        )}
      </div>
    ))}
  </div>
)
