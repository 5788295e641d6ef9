import { Input, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useSubmissionKey } from "../lib/idempotency"
import { formatMoney, parseMajorUnits } from "../lib/money"
import { useGiftCredit, writeFailure, type WalletView } from "../lib/wallets"
import { AssetSelect } from "./asset-select"
import { Field, FormDrawer } from "./form-drawer"

type Props = { wallet: WalletView; open: boolean; onOpenChange: (open: boolean) => void }

/** Non-refundable credit offered by the organisation (welcome gift, apology…), with its reason. */
export const GiftDrawer = ({ wallet, open, onOpenChange }: Props) => {
  const giftBalances = wallet.balances.filter((b) => b.kind === "gift")
  const [assetCode, setAssetCode] = useState(giftBalances[0]?.asset_code ?? "")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; asset?: string }>({})
  const gift = useGiftCredit(wallet.id)
  const submission = useSubmissionKey()
  const balance = giftBalances.find((b) => b.asset_code === assetCode)

  const submit = async () => {
    const next: typeof errors = {}
    if (!balance) next.asset = "Choose a gift asset."
    const parsed = balance ? parseMajorUnits(amount, balance.currency_code) : null
    if (parsed && !parsed.ok) next.amount = parsed.error
    else if (parsed?.ok && parsed.minor <= 0) next.amount = "The amount must be greater than zero."
    if (!reason.trim()) next.reason = "A reason is required: it is kept in the ledger."
    setErrors(next)
    if (Object.keys(next).length || !parsed?.ok || !balance) return

    const body = { amount: parsed.minor, asset_code: assetCode, reason: reason.trim() }
    try {
      const result = await gift.mutateAsync({ ...body, idempotency_key: submission.keyFor(body) })
      submission.done()
      toast.success(result.replayed ? "This gift was already posted" : "Gift credit posted", {
        description: formatMoney(body.amount, balance.currency_code),
      })
      setAmount("")
      setReason("")
      onOpenChange(false)
    } catch (err) {
      // The form stays filled: submitting it again unchanged reuses the same idempotency key.
      toast.error("Gift credit failed", { description: writeFailure(err) })
    }
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Gift credit"
      description="Credit offered by the organisation. It is spent before refundable money and is never refunded."
      submitLabel="Give credit"
      isPending={gift.isPending}
      onSubmit={submit}
    >
      {giftBalances.length === 0 ? (
        <Text size="small">This wallet has no gift asset.</Text>
      ) : (
        <>
          {giftBalances.length > 1 && (
            <Field id="gift-asset" label="Asset" error={errors.asset}>
              <AssetSelect id="gift-asset" balances={giftBalances} value={assetCode} onChange={setAssetCode} />
            </Field>
          )}
          <Field id="gift-amount" label="Amount" error={errors.amount} hint={`In ${balance?.currency_code.toUpperCase() ?? "major units"}, e.g. 5 or 2.50.`}>
            <Input
              id="gift-amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder="5.00"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={!!errors.amount}
            />
          </Field>
          <Field id="gift-reason" label="Reason" error={errors.reason}>
            <Textarea
              id="gift-reason"
              name="reason"
              placeholder="Welcome gift"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={!!errors.reason}
            />
          </Field>
        </>
      )}
    </FormDrawer>
  )
}
