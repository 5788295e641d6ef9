import { Alert, Button, Input, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useSubmissionKey } from "../lib/idempotency"
import { formatMoney, parseMajorUnits } from "../lib/money"
import type { RefundOffer } from "../lib/refund-offers"
import { useRefundWallet } from "../lib/refunds"
import { errorMessage, writeFailure } from "../lib/wallets"
import { CurrencySelect } from "./currency-select"
import { Field, FormDrawer } from "./form-drawer"
import { RefundLimits } from "./refund-limits"

type Props = { walletId: string; offers: RefundOffer[]; open: boolean; onOpenChange: (open: boolean) => void }

/**
 * Why the last submission did not succeed. `refused`: the server said no and wrote nothing, so
 * any amount may be tried. `unsettled` (a provider refused part of it, 502, or no answer came):
 * some money may have gone back, so only the same request, with the same key, is offered again.
 */
type Failure = { kind: "refused" | "unsettled"; message: string }

/**
 * Sends refundable money back to the top-up payments it came from. One idempotency key per
 * amount until it succeeds: a Retry after a timeout or a 502 resumes the same refund, and the
 * server sends only what was not sent yet, never twice.
 */
export const RefundDrawer = ({ walletId, offers, open, onOpenChange }: Props) => {
  const refundable = offers.filter((o) => o.max > 0)
  const [currency, setCurrency] = useState(refundable[0]?.currency_code ?? "eur")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const refund = useRefundWallet(walletId)
  const submission = useSubmissionKey()
  const offer = offers.find((o) => o.currency_code === currency) ?? refundable[0]
  const locked = failure?.kind === "unsettled"

  const startOver = () => {
    // A new amount is a new refund: the unsettled one stays as the server left it (see Refunds).
    setFailure(null)
    setAmount("")
  }

  const submit = async () => {
    if (!offer) return
    const parsed = parseMajorUnits(amount, offer.currency_code)
    if (!parsed.ok) return setError(parsed.error)
    if (parsed.minor <= 0) return setError("The amount must be greater than zero.")
    setError(null)
    // The key follows the amount and currency only: the server keys a refund by them, the reason is a note.
    const request = { amount: parsed.minor, currency_code: offer.currency_code }
    try {
      const result = await refund.mutateAsync({
        ...request,
        idempotency_key: submission.keyFor(request),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      })
      submission.done()
      const payments = result.refund.parts.filter((p) => p.status === "paid").length
      toast.success(result.refund.replayed ? "This refund was already sent" : "Refund sent", {
        description: `${formatMoney(result.refund.refunded_amount, result.refund.currency_code)} back to ${payments} ${
          payments === 1 ? "payment" : "payments"
        }`,
      })
      setFailure(null)
      setAmount("")
      setReason("")
      onOpenChange(false)
    } catch (err) {
      const status = (err as { status?: unknown })?.status
      if (typeof status !== "number") setFailure({ kind: "unsettled", message: writeFailure(err) })
      else if (status >= 500) setFailure({ kind: "unsettled", message: errorMessage(err) })
      else setFailure({ kind: "refused", message: errorMessage(err) })
    }
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Refund"
      description="Refundable money goes back to the online payments it came from, newest first. Gift credit never goes back."
      submitLabel={locked ? "Retry" : "Refund"}
      isPending={refund.isPending}
      onSubmit={submit}
    >
      {offer && <RefundLimits offer={offer} />}
      {refundable.length > 1 && (
        <Field id="refund-currency" label="Currency">
          <CurrencySelect
            id="refund-currency"
            currencies={refundable.map((o) => o.currency_code)}
            value={currency}
            onChange={setCurrency}
            disabled={locked}
          />
        </Field>
      )}
      <Field
        id="refund-amount"
        label="Amount"
        error={error}
        hint={`In ${offer?.currency_code.toUpperCase() ?? "major units"}, e.g. 25 or 12.50.`}
      >
        <Input
          id="refund-amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="25.00"
          value={amount}
          disabled={locked}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={!!error}
        />
      </Field>
      <Field id="refund-reason" label="Reason" optional>
        <Textarea
          id="refund-reason"
          name="reason"
          placeholder="Leaving the festival"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {failure && (
        <Alert variant={locked ? "warning" : "error"} role="alert">
          {failure.message}
          {locked && (
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <span>Retry sends only what has not gone back yet, never twice.</span>
              <Button size="small" variant="transparent" type="button" onClick={startOver}>
                Refund another amount
              </Button>
            </div>
          )}
        </Alert>
      )}
    </FormDrawer>
  )
}
