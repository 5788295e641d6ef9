import { Text, Textarea, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { formatDateTime } from "../lib/dates"
import { useSubmissionKey } from "../lib/idempotency"
import { formatSignedMoney } from "../lib/money"
import { useReverseEntry, writeFailure, type HistoryItem } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"

type Props = {
  /** The history row whose entry is reversed; null closes the drawer. */
  item: HistoryItem | null
  currencyOf: (assetCode: string) => string | undefined
  onClose: () => void
}

/** Posts the opposite of a whole entry (every posting of it, in every wallet it touched). */
export const ReverseDrawer = ({ item, currencyOf, onClose }: Props) => {
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const reverse = useReverseEntry()
  const submission = useSubmissionKey()
  // The drawer keeps showing its entry while it slides out, after `item` became null.
  const shown = useRef(item)
  const [entryId, setEntryId] = useState(item?.entry_id)
  if (item) shown.current = item
  const entry = shown.current
  if (item && item.entry_id !== entryId) {
    // Another entry: a reason typed for the previous one does not carry over.
    setEntryId(item.entry_id)
    setReason("")
    setError(null)
  }

  const submit = async () => {
    if (!item) return
    if (!reason.trim()) {
      setError("A reason is required: it is kept in the ledger.")
      return
    }
    setError(null)
    const body = { entry_id: item.entry_id, reason: reason.trim() }
    try {
      const result = await reverse.mutateAsync({ ...body, idempotency_key: submission.keyFor(body) })
      submission.done()
      toast.success(result.replayed ? "This reversal was already posted" : "Entry reversed", {
        description: `${item.kind} of ${formatDateTime(item.created_at)}`,
      })
      setReason("")
      onClose()
    } catch (err) {
      // Refusals such as "already reversed" come from the server; the drawer stays open.
      toast.error("Reversal failed", { description: writeFailure(err) })
    }
  }

  return (
    <FormDrawer
      open={!!item}
      onOpenChange={(open) => !open && onClose()}
      title="Reverse entry"
      description="Posts the opposite of this entry. The original stays in the ledger, pointed to by the reversal."
      submitLabel="Reverse entry"
      isPending={reverse.isPending}
      onSubmit={submit}
    >
      {entry && (
        <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-md px-3 py-2">
          <Text size="small" leading="compact" weight="plus">
            {entry.kind} · {formatSignedMoney(entry.amount, currencyOf(entry.asset_code))}
            {entry.asset_code !== currencyOf(entry.asset_code)?.toUpperCase() && ` · ${entry.asset_code}`}
          </Text>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {formatDateTime(entry.created_at)} · entry {entry.entry_id}
          </Text>
          {entry.reason && (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {entry.reason}
            </Text>
          )}
        </div>
      )}
      <Field id="reverse-reason" label="Reason" error={error}>
        <Textarea
          id="reverse-reason"
          name="reason"
          placeholder="Charged the wrong wallet"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!error}
        />
      </Field>
    </FormDrawer>
  )
}
