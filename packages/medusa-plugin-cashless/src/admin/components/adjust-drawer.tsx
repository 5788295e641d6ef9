import { Input, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useSubmissionKey } from "../lib/idempotency"
import { formatMoney, formatSignedMoney, parseMajorUnits } from "../lib/money"
import { sortBalances, useAdjustWallet, writeFailure, type WalletView } from "../lib/wallets"
import { AssetSelect } from "./asset-select"
import { Field, FormDrawer } from "./form-drawer"

type Props = { wallet: WalletView; open: boolean; onOpenChange: (open: boolean) => void }

/** A staff correction: signed amount in major units, always with a reason (it ends up in the ledger). */
export const AdjustDrawer = ({ wallet, open, onOpenChange }: Props) => {
  const fiat = sortBalances(wallet.balances)[0]
  const [assetCode, setAssetCode] = useState(fiat?.asset_code ?? "")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; asset?: string }>({})
  const adjust = useAdjustWallet(wallet.id)
  const submission = useSubmissionKey()
  const balance = wallet.balances.find((b) => b.asset_code === assetCode)

  const submit = async () => {
    const next: typeof errors = {}
    if (!balance) next.asset = "Choose an asset."
    const parsed = balance ? parseMajorUnits(amount, balance.currency_code) : null
    if (parsed && !parsed.ok) next.amount = parsed.error
    else if (parsed?.ok && parsed.minor === 0) next.amount = "The amount must not be zero: positive adds, negative removes."
    if (!reason.trim()) next.reason = "A reason is required: it is kept in the ledger."
    setErrors(next)
    if (Object.keys(next).length || !parsed?.ok || !balance) return

    const body = { amount: parsed.minor, asset_code: assetCode, reason: reason.trim() }
    try {
      const result = await adjust.mutateAsync({ ...body, idempotency_key: submission.keyFor(body) })
      submission.done()
      const after = result.balances[wallet.id]?.[assetCode]
      toast.success(result.replayed ? "This adjustment was already posted" : "Adjustment posted", {
        description: `${formatSignedMoney(body.amount, balance.currency_code)}${
          after === undefined ? "" : `, balance now ${formatMoney(after, balance.currency_code)}`
        }`,
      })
      setAmount("")
      setReason("")
      onOpenChange(false)
    } catch (err) {
      // The form stays filled: submitting it again unchanged reuses the same idempotency key.
      toast.error("Adjustment failed", { description: writeFailure(err) })
    }
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Adjust balance"
      description="A correction by staff. It is posted as a ledger entry against the adjustments account."
      submitLabel="Post adjustment"
      isPending={adjust.isPending}
      onSubmit={submit}
    >
      <Field id="adjust-asset" label="Asset" error={errors.asset}>
        <AssetSelect id="adjust-asset" balances={wallet.balances} value={assetCode} onChange={setAssetCode} />
      </Field>
      <Field
        id="adjust-amount"
        label="Amount"
        error={errors.amount}
        hint={`Positive adds, negative removes, e.g. -2.50. Current balance: ${
          balance ? formatMoney(balance.balance, balance.currency_code) : "—"
        }.`}
      >
        <Input
          id="adjust-amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="-2.50"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={!!errors.amount}
        />
      </Field>
      <Field id="adjust-reason" label="Reason" error={errors.reason}>
        <Textarea
          id="adjust-reason"
          name="reason"
          placeholder="Double charge at the bar"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!errors.reason}
        />
      </Field>
    </FormDrawer>
  )
}
