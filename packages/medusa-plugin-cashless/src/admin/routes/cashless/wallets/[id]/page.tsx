import { Alert, Badge, Button, Container, Copy, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { AdjustDrawer } from "../../../../components/adjust-drawer"
import { GiftDrawer } from "../../../../components/gift-drawer"
import { HistoryTable } from "../../../../components/history-table"
import { RefundButton } from "../../../../components/refund-button"
import { RefundDrawer } from "../../../../components/refund-drawer"
import { RefundsSection } from "../../../../components/refunds-section"
import { ReverseDrawer } from "../../../../components/reverse-drawer"
import { StatusRow } from "../../../../components/status-row"
import { TopUpsSection } from "../../../../components/top-ups-section"
import { WalletCustomer } from "../../../../components/wallet-customer"
import { formatDate } from "../../../../lib/dates"
import { formatMoney } from "../../../../lib/money"
import { refundBlockedReason, refundOffers } from "../../../../lib/refund-offers"
import { useWalletRefunds, useWalletTopUps } from "../../../../lib/refunds"
import {
  errorMessage,
  sortBalances,
  useAssets,
  useWallet,
  useWalletHistory,
  type HistoryItem,
} from "../../../../lib/wallets"

const WalletPage = () => {
  const { id = "" } = useParams()
  const { data, error, isLoading } = useWallet(id)
  const history = useWalletHistory(id)
  const topUps = useWalletTopUps(id)
  const refunds = useWalletRefunds(id)
  const { data: assets } = useAssets()
  const [adjusting, setAdjusting] = useState(false)
  const [gifting, setGifting] = useState(false)
  const [refunding, setRefunding] = useState(false)
  const [reversing, setReversing] = useState<HistoryItem | null>(null)

  if (isLoading) {
    return (
      <Container className="px-6 py-4">
        <Text size="small">Loading wallet…</Text>
      </Container>
    )
  }
  if (error || !data) {
    return (
      <Container className="px-6 py-4">
        <Alert variant="error">The wallet could not be read: {errorMessage(error)}</Alert>
      </Container>
    )
  }

  const { wallet } = data
  // History rows carry an asset code only; the wallet's balances say which currency each one is in.
  const currencyOf = (code: string) =>
    wallet.balances.find((b) => b.asset_code === code)?.currency_code ??
    assets?.assets.find((a) => a.code === code)?.currency_code
  const assetName = (code: string) => assets?.assets.find((a) => a.code === code)?.name ?? code
  const items = history.data?.pages.flatMap((p) => p.items) ?? []
  const topUpRows = topUps.data?.top_ups ?? []
  const offers = refundOffers(wallet.balances, topUpRows)
  // Until the top-ups are read nobody knows what can go back online: the action waits too.
  const blockedReason = topUps.data ? refundBlockedReason(offers, topUpRows) : "Reading the online top-ups…"
  const displayIdOf = (orderId: string) => topUpRows.find((t) => t.order_id === orderId)?.order?.display_id

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Link to="/cashless/wallets" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base w-fit">
              ← Wallets
            </Link>
            <Heading level="h1">{wallet.label ?? "Unlabelled wallet"}</Heading>
            <div className="flex items-center gap-x-1">
              <Text size="small" className="text-ui-fg-subtle font-mono">
                {wallet.id}
              </Text>
              <Copy content={wallet.id} className="text-ui-fg-muted" />
            </div>
          </div>
          <div className="flex items-center gap-x-2">
            <RefundButton blockedReason={blockedReason} onClick={() => setRefunding(true)} />
            <Button size="small" variant="secondary" onClick={() => setGifting(true)}>
              Gift credit
            </Button>
            <Button size="small" variant="secondary" onClick={() => setAdjusting(true)}>
              Adjust
            </Button>
          </div>
        </div>
        <StatusRow label="Customer" value={<WalletCustomer customer={wallet.customer} link />} />
        <StatusRow label="Created" value={formatDate(wallet.created_at)} />
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Balances</Heading>
        </div>
        {sortBalances(wallet.balances).map((b) => (
          <div key={b.asset_code} className="grid grid-cols-2 items-center px-6 py-4" data-asset={b.asset_code}>
            <div className="flex items-center gap-x-2">
              <Text size="small" leading="compact" weight="plus">
                {assetName(b.asset_code)}
              </Text>
              <Badge size="2xsmall" color={b.kind === "gift" ? "purple" : "green"}>
                {b.kind === "gift" ? "gift, not refundable" : "refundable"}
              </Badge>
            </div>
            <Text size="large" leading="compact" weight="plus" className="tabular-nums">
              {formatMoney(b.balance, b.currency_code)}
            </Text>
          </div>
        ))}
      </Container>

      <TopUpsSection query={topUps} />
      <RefundsSection query={refunds} displayIdOf={displayIdOf} />

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">History</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every posting on this wallet, newest first. Mistakes are corrected by a reversal, never erased.
          </Text>
        </div>
        {history.error ? (
          <div className="px-6 py-4">
            <Alert variant="error">The history could not be read: {errorMessage(history.error)}</Alert>
          </div>
        ) : history.isLoading ? (
          <div className="px-6 py-4">
            <Text size="small">Loading history…</Text>
          </div>
        ) : items.length === 0 ? (
          <div className="px-6 py-8">
            <Text size="small" className="text-ui-fg-subtle text-center">
              Nothing has been posted on this wallet yet.
            </Text>
          </div>
        ) : (
          <div>
            <HistoryTable items={items} currencyOf={currencyOf} onReverse={setReversing} />
            <div className="flex items-center justify-between px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                {items.length} {items.length === 1 ? "posting" : "postings"} shown
              </Text>
              {history.hasNextPage && (
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={history.isFetchingNextPage}
                  onClick={() => history.fetchNextPage()}
                >
                  Load more
                </Button>
              )}
            </div>
          </div>
        )}
      </Container>

      <AdjustDrawer wallet={wallet} open={adjusting} onOpenChange={setAdjusting} />
      <GiftDrawer wallet={wallet} open={gifting} onOpenChange={setGifting} />
      <RefundDrawer walletId={wallet.id} offers={offers} open={refunding} onOpenChange={setRefunding} />
      <ReverseDrawer item={reversing} currencyOf={currencyOf} onClose={() => setReversing(null)} />
    </div>
  )
}

export default WalletPage
