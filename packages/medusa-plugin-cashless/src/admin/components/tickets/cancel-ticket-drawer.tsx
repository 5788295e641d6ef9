import { Alert, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { holderOf, type TicketView, useCancelTicket } from "../../lib/tickets"
import { errorMessage } from "../../lib/wallets"
import { Field, FormDrawer } from "../form-drawer"

/** Cancels one ticket, with the reason kept next to it. The money is a separate step (Refund). */
export const CancelTicketDrawer = ({ ticket, onClose }: { ticket: TicketView | null; onClose: () => void }) => {
  const [reason, setReason] = useState("")
  const [missing, setMissing] = useState<string | null>(null)
  const cancel = useCancelTicket()
  if (!ticket) return null

  const close = () => {
    setReason("")
    setMissing(null)
    cancel.reset()
    onClose()
  }
  const submit = () => {
    if (!reason.trim()) return setMissing("A reason is required: it is kept with the ticket.")
    setMissing(null)
    cancel.mutate(
      { id: ticket.id, reason: reason.trim() },
      {
        onSuccess: () => {
          toast.success("Ticket cancelled", { description: `${ticket.type_title} for ${holderOf(ticket)}` })
          close()
        },
      }
    )
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && close()}
      title="Cancel ticket"
      description="The ticket no longer opens the door and its place is free again. Nothing is paid back, and a cancelled ticket cannot be refunded later: to pay the buyer back, use Refund instead."
      submitLabel="Cancel ticket"
      isPending={cancel.isPending}
      onSubmit={submit}
    >
      <Text size="small">
        {ticket.type_title} for {holderOf(ticket)} · {ticket.event_name}
      </Text>
      <Field id="ticket-cancel-reason" label="Reason" error={missing}>
        <Textarea
          id="ticket-cancel-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!missing}
        />
      </Field>
      {cancel.error && (
        <Alert variant="error" role="alert">
          {errorMessage(cancel.error)}
        </Alert>
      )}
    </FormDrawer>
  )
}
