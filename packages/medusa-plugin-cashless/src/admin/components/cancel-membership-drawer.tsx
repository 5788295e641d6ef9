import { Alert, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { formatEnd, formatStart } from "../lib/dates"
import { holderLabel, type MembershipView, useCancelMembership } from "../lib/memberships"
import { errorMessage } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"

/** Cancels a membership with the reason kept next to it. Cancelling twice changes nothing, so no key is needed. */
export const CancelMembershipDrawer = ({ membership, onClose }: { membership: MembershipView | null; onClose: () => void }) => {
  const [reason, setReason] = useState("")
  const [missing, setMissing] = useState<string | null>(null)
  const cancel = useCancelMembership()
  if (!membership) return null

  const close = () => {
    setReason("")
    setMissing(null)
    cancel.reset()
    onClose()
  }
  const submit = () => {
    if (!reason.trim()) {
      setMissing("A reason is required: it is kept with the membership.")
      return
    }
    setMissing(null)
    cancel.mutate(
      { id: membership.id, reason: reason.trim() },
      {
        onSuccess: () => {
          toast.success("Membership cancelled", { description: `${membership.plan_name} for ${holderLabel(membership)}` })
          close()
        },
      }
    )
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && close()}
      title="Cancel membership"
      description="The membership stops counting at once: no member price, no members-only product. It stays listed as cancelled."
      submitLabel="Cancel membership"
      isPending={cancel.isPending}
      onSubmit={submit}
    >
      <Text size="small">
        {membership.plan_name} for {holderLabel(membership)}, {formatStart(membership.starts_at)} to{" "}
        {membership.ends_at ? formatEnd(membership.ends_at) : "lifetime"}
      </Text>
      <Field id="cancel-reason" label="Reason" error={missing}>
        <Textarea id="cancel-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!missing} />
      </Field>
      {cancel.error && <Alert variant="error">{errorMessage(cancel.error)}</Alert>}
    </FormDrawer>
  )
}
