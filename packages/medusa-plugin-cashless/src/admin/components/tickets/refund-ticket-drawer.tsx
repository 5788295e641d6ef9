import { Alert, Button, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { formatDateTime } from "../../lib/dates"
import { useSubmissionKey } from "../../lib/idempotency"
import { formatMoney } from "../../lib/money"
import { ticketPriceMinor } from "../../lib/ticket-price"
import { needsCheckedInOverride } from "../../lib/ticket-writes"
import { holderOf, type TicketView, useOrderLines, useRefundTicket } from "../../lib/tickets"
import { errorMessage } from "../../lib/wallets"
import { Field, FormDrawer } from "../form-drawer"

/**
 * Refunds one ticket to the order's payment, a manager's decision. A ticket already used at the
 * door is refused by the server (409 `checked_in`); its message is shown, and a manager may
 * confirm "refund anyway", which sends the same request with the override. One idempotency key
 * per request until it succeeds: a retry after no answer never refunds twice.
 */
export const RefundTicketDrawer = ({ ticket, onClose }: { ticket: TicketView | null; onClose: () => void }) => {
  const [reason, setReason] = useState("")
  const [confirming, setConfirming] = useState(false)
  const refund = useRefundTicket()
  const submission = useSubmissionKey()
  const order = useOrderLines(ticket?.order_id)
  if (!ticket) return null

  const currency = order.data?.order.currency_code
  const price = currency ? ticketPriceMinor(order.data?.order.items, ticket.line_item_id, currency) : null
  const refusedAsUsed = needsCheckedInOverride(refund.error)

  const close = () => {
    setReason("")
    setConfirming(false)
    refund.reset()
    submission.done()
    onClose()
  }
  const send = (override: boolean) => {
    const request = { id: ticket.id, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(override ? { checked_in_override: true } : {}) }
    refund.mutate(
      { ...request, idempotency_key: submission.keyFor(request) },
      {
        onSuccess: (res) => {
          submission.done()
          if (res.replayed) toast.success("This ticket was already refunded", { description: "Nothing more was paid back." })
          else
            toast.success("Ticket refunded", {
              description: res.refund?.amount
                ? `${formatMoney(res.refund.amount, res.refund.currency_code)} back to the payment of the order`
                : "It cost nothing: no money to pay back.",
            })
          close()
        },
      }
    )
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && close()}
      title="Refund ticket"
      description="The price of this ticket goes back to the order's payment, its place is free again and the ticket no longer opens the door. Managers only."
      submitLabel="Refund"
      isPending={refund.isPending}
      onSubmit={() => send(false)}
    >
      <Text size="small">
        {ticket.type_title} for {holderOf(ticket)} · {ticket.event_name}
      </Text>
      <Text size="small" weight="plus" aria-label="Amount to refund">
        {price !== null && currency
          ? `Amount: ${formatMoney(price, currency)}`
          : order.isLoading
            ? "Amount: reading the order…"
            : "Amount: what the order paid for this ticket (the order could not be read)"}
      </Text>
      {ticket.status === "checked_in" && !refusedAsUsed && (
        <Alert variant="warning">
          This ticket was checked in on {formatDateTime(ticket.checked_in_at)}
          {ticket.checked_in_where ? ` at ${ticket.checked_in_where.name}` : ""}: the server will ask for a manager's override.
        </Alert>
      )}
      <Field id="ticket-refund-reason" label="Reason" optional>
        <Textarea id="ticket-refund-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {refund.error &&
        (refusedAsUsed ? (
          <Alert variant="warning" role="alert">
            <div className="flex flex-col gap-y-2">
              <Text size="small">{errorMessage(refund.error)}</Text>
              {/* Asked here rather than in a dialog over the drawer: one layer, one focus trap. */}
              {confirming ? (
                <div role="group" aria-label="Confirm the override" className="flex flex-col gap-y-2">
                  <Text size="small" weight="plus">
                    {holderOf(ticket)} was let in with this ticket. Refund it anyway (the event was interrupted, a mistake at the door)?
                  </Text>
                  <div className="flex gap-x-2">
                    <Button type="button" size="small" variant="secondary" onClick={() => setConfirming(false)}>
                      Back
                    </Button>
                    <Button type="button" size="small" variant="danger" isLoading={refund.isPending} onClick={() => send(true)}>
                      Refund anyway
                    </Button>
                  </div>
                </div>
              ) : (
                <div>
                  <Button type="button" size="small" variant="secondary" onClick={() => setConfirming(true)}>
                    Refund anyway (manager)
                  </Button>
                </div>
              )}
            </div>
          </Alert>
        ) : (
          <Alert variant="error" role="alert">
            {errorMessage(refund.error)}
          </Alert>
        ))}
    </FormDrawer>
  )
}
