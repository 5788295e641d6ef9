import { Badge, Button, Table, Text } from "@medusajs/ui"
import { formatDateTime } from "../lib/dates"
import { formatMoney } from "../lib/money"
import type { EntryKind, HistoryItem } from "../lib/wallets"
import { SignedAmount } from "./signed-amount"

const KIND_COLOR: Record<EntryKind, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  credit: "green",
  gift: "purple",
  spend: "blue",
  transfer: "grey",
  adjustment: "orange",
  reversal: "red",
  fusion: "grey",
  refund: "orange",
  close_out: "red",
}

type Props = {
  items: HistoryItem[]
  currencyOf: (assetCode: string) => string | undefined
  onReverse: (item: HistoryItem) => void
}

/** The wallet's postings, newest first. One entry can show twice (a spend taking gift credit, then euros). */
export const HistoryTable = ({ items, currencyOf, onReverse }: Props) => {
  // A reversal is newer than what it reverses, so with newest-first pages it is always loaded
  // before the original: the Reverse button can be hidden for entries already reversed.
  const reversed = new Set(items.map((i) => i.reverses_id).filter(Boolean))
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Date</Table.HeaderCell>
          <Table.HeaderCell>Kind</Table.HeaderCell>
          <Table.HeaderCell>Asset</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Balance after</Table.HeaderCell>
          <Table.HeaderCell>Reason / reference</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {items.map((item) => (
          <Table.Row key={item.id} data-entry-id={item.entry_id} className="[&_td:last-child]:w-[1%]">
            <Table.Cell className="whitespace-nowrap">{formatDateTime(item.created_at)}</Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={KIND_COLOR[item.kind] ?? "grey"}>
                {item.kind}
              </Badge>
            </Table.Cell>
            <Table.Cell>{item.asset_code}</Table.Cell>
            <Table.Cell className="text-right">
              <div className="flex justify-end">
                <SignedAmount minor={item.amount} currencyCode={currencyOf(item.asset_code)} />
              </div>
            </Table.Cell>
            <Table.Cell className="whitespace-nowrap text-right tabular-nums">
              {item.balance_after === null ? "—" : formatMoney(item.balance_after, currencyOf(item.asset_code))}
            </Table.Cell>
            <Table.Cell className="max-w-[320px]">
              <div className="flex flex-col py-2">
                <Text size="small" leading="compact" className="truncate" title={item.reason ?? undefined}>
                  {item.reason ?? (item.external_ref ? "" : "—")}
                </Text>
                {item.external_ref && (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate font-mono">
                    {item.external_ref}
                  </Text>
                )}
              </div>
            </Table.Cell>
            <Table.Cell className="whitespace-nowrap text-right">
              {/* A refund entry is money the provider already paid back: reversing it would pay it twice. */}
              {item.kind === "reversal" || item.kind === "refund" || item.kind === "close_out" ? null : reversed.has(item.entry_id) ? (
                <Text size="xsmall" className="text-ui-fg-muted">
                  reversed
                </Text>
              ) : (
                <Button size="small" variant="transparent" onClick={() => onReverse(item)}>
                  Reverse
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
