import { Select } from "@medusajs/ui"

/** One of a few currency codes, shown upper-case. */
export const CurrencySelect = ({
  id,
  currencies,
  value,
  onChange,
  disabled,
}: {
  id: string
  currencies: string[]
  value: string
  onChange: (code: string) => void
  disabled?: boolean
}) => (
  <Select value={value} onValueChange={onChange} size="small" disabled={disabled}>
    <Select.Trigger id={id}>
      <Select.Value placeholder="Choose a currency" />
    </Select.Trigger>
    <Select.Content>
      {currencies.map((c) => (
        <Select.Item key={c} value={c}>
          {c.toUpperCase()}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
