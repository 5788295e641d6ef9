import { StatusBadge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type Props = {
  label: string
  value: ReactNode
  tone?: "green" | "orange" | "grey" | "blue" | "red"
}

export const StatusRow = ({ label, value, tone }: Props) => (
  <div className="grid grid-cols-2 items-center px-6 py-4">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    {tone ? (
      <StatusBadge color={tone} className="w-fit">
        {value}
      </StatusBadge>
    ) : (
      <Text size="small" leading="compact">
        {value}
      </Text>
    )}
  </div>
)
