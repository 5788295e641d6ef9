import { Select } from "@medusajs/ui"
import { sortBalances, useAssets, type WalletBalance } from "../lib/wallets"

/** The wallet's own assets (it has one account per asset), named as configured. */
export const AssetSelect = ({
  id,
  balances,
  value,
  onChange,
}: {
  id: string
  balances: WalletBalance[]
  value: string
  onChange: (code: string) => void
}) => {
  const { data } = useAssets()
  const name = (code: string) => data?.assets.find((a) => a.code === code)?.name
  return (
    <Select value={value} onValueChange={onChange} size="small">
      <Select.Trigger id={id}>
        <Select.Value placeholder="Choose an asset" />
      </Select.Trigger>
      <Select.Content>
        {sortBalances(balances).map((b) => (
          <Select.Item key={b.asset_code} value={b.asset_code}>
            {name(b.asset_code) ? `${name(b.asset_code)} · ${b.asset_code}` : b.asset_code}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
