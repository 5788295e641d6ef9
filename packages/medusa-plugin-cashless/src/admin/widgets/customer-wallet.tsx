import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Alert, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatMoney } from "../lib/money"
import { errorMessage, sortBalances, useAssets, useCreateWallet, useCustomerWallet } from "../lib/wallets"

/** The customer's cashless wallet on their page: balances and a way in, or a way to open one. */
const CustomerWalletWidget = ({ data: customer }: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const { data, error, isLoading } = useCustomerWallet(customer.id)
  const { data: assets } = useAssets()
  const create = useCreateWallet()
  const wallet = data?.wallet
  const assetName = (code: string) => assets?.assets.find((a) => a.code === code)?.name ?? code

  const createWallet = () => {
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
    // The label makes the wallet findable by name in the Wallets list, whose search reads labels.
    create.mutate(
      { customer_id: customer.id, label: name || customer.email },
      {
        onSuccess: () => toast.success("Wallet created"),
        onError: (err) => toast.error("The wallet could not be created", { description: errorMessage(err) }),
      }
    )
  }

  return (
    <Container className="divide-y p-0" role="region" aria-labelledby="cashless-wallet-heading">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2" id="cashless-wallet-heading">
          Cashless wallet
        </Heading>
        {wallet && (
          <Link
            to={`/cashless/wallets/${wallet.id}`}
            className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          >
            Open wallet
          </Link>
        )}
      </div>
      <div className="px-6 py-4">
        {isLoading ? (
          <Text size="small">Loading wallet…</Text>
        ) : error ? (
          <Alert variant="error">The wallet could not be read: {errorMessage(error)}</Alert>
        ) : wallet ? (
          <div className="flex flex-col gap-y-2">
            {sortBalances(wallet.balances).map((b) => (
              <div key={b.asset_code} className="grid grid-cols-2 items-center" data-asset={b.asset_code}>
                <Text size="small" leading="compact" className="text-ui-fg-subtle">
                  {assetName(b.asset_code)}
                </Text>
                <Text size="small" leading="compact" weight="plus" className="text-right tabular-nums">
                  {formatMoney(b.balance, b.currency_code)}
                </Text>
              </div>
            ))}
          </div>
        ) : (
          <div className="flex items-center justify-between gap-x-3">
            <Text size="small" className="text-ui-fg-subtle">
              No wallet yet
            </Text>
            <Button size="small" variant="secondary" isLoading={create.isPending} onClick={createWallet}>
              Create wallet
            </Button>
          </div>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerWalletWidget
