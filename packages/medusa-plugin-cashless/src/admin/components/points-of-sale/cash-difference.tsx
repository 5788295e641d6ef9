import { formatMoney } from "../../lib/money"

/**
 * Counted minus expected cash: green when the drawer is right, red when money is missing,
 * orange when there is too much (also worth a look: a sale rung up wrong). Words say it too,
 * for whoever does not see the colour.
 */
export const CashDifference = ({ difference, currencyCode }: { difference: number | null; currencyCode: string }) => {
  if (difference === null) return <span className="text-ui-fg-muted">—</span>
  const [tone, words] =
    difference === 0 ? ["text-ui-tag-green-text", "right"] : difference < 0 ? ["text-ui-tag-red-text", "short"] : ["text-ui-tag-orange-text", "over"]
  return (
    <span className={`${tone} txt-compact-small-plus whitespace-nowrap`} data-difference={difference}>
      {difference > 0 ? "+" : ""}
      {formatMoney(difference, currencyCode)} <span className="font-normal">({words})</span>
    </span>
  )
}
