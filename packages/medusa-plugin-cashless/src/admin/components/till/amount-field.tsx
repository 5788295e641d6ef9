import { Input, Label, Text } from "@medusajs/ui"
import { useId } from "react"
import { useI18n } from "../../lib/till/i18n-context"
import { parseAmount } from "../../lib/till/money"

/** An amount in the point of sale's currency, typed as people write it ("12", "12,50"). */
export const AmountField = ({
  label,
  value,
  onChange,
  currencyCode,
  error,
  autoFocus,
}: {
  label: string
  value: string
  onChange: (text: string) => void
  currencyCode: string
  error?: string | null
  autoFocus?: boolean
}) => {
  const id = useId()
  const errorId = useId()
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} className="text-base">
        {label} ({currencyCode.toUpperCase()})
      </Label>
      <Input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
        autoFocus={autoFocus}
        data-autofocus={autoFocus ? "" : undefined}
        className="h-14 text-2xl"
      />
      {error && (
        <Text id={errorId} className="text-ui-fg-error">
          {error}
        </Text>
      )}
    </div>
  )
}

/** The amount typed, or the sentence saying why it is not one. */
export function useAmountCheck() {
  const { t } = useI18n()
  return (text: string, currencyCode: string, { allowZero = false } = {}): { minor: number } | { error: string } => {
    const minor = parseAmount(text, currencyCode)
    if (minor === null) return { error: t("amount_invalid") }
    if (!allowZero && minor === 0) return { error: t("amount_zero") }
    return { minor }
  }
}
