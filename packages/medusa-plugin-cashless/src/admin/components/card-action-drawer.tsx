import { Alert, Input, toast } from "@medusajs/ui"
import { useState } from "react"
import { type CardView, cardName, useBindCard, useCardAction, useReplaceCard } from "../lib/cards"
import { errorMessage } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"

export type CardAction = "block" | "unblock" | "lost" | "bind" | "replace"

const TITLES: Record<CardAction, { title: string; description: string; submit: string }> = {
  block: { title: "Block card", description: "Every till refuses the card until it is unblocked. The money stays in its wallet.", submit: "Block" },
  unblock: { title: "Unblock card", description: "The card works again at every till.", submit: "Unblock" },
  lost: { title: "Declare lost", description: "Every till refuses the card at once. The money stays in the holder's wallet; a replacement card gives access again.", submit: "Declare lost" },
  bind: { title: "Bind to a customer", description: "The card then pays from the customer's wallet; the money already on the card moves there.", submit: "Bind" },
  replace: { title: "Replace card", description: "A new card takes over this card's wallet and holder; this card is voided.", submit: "Replace" },
}

/** Staff actions of the card page, each with the fields it needs and the server's refusal shown as is. */
export const CardActionDrawer = ({ card, action, onClose }: { card: CardView; action: CardAction | null; onClose: () => void }) => {
  const [reason, setReason] = useState("")
  const [customerId, setCustomerId] = useState("")
  const [newUid, setNewUid] = useState("")
  const [printed, setPrinted] = useState("")
  const [token, setToken] = useState("")
  const [missing, setMissing] = useState<string | null>(null)
  const status = useCardAction(card.id, action === "block" || action === "unblock" || action === "lost" ? action : "block")
  const bind = useBindCard(card.id)
  const replace = useReplaceCard(card.id)
  const pending = status.isPending || bind.isPending || replace.isPending
  const failure = status.error ?? bind.error ?? replace.error
  if (!action) return null
  const text = TITLES[action]

  const close = () => {
    setReason("")
    setCustomerId("")
    setNewUid("")
    setPrinted("")
    setToken("")
    setMissing(null)
    status.reset()
    bind.reset()
    replace.reset()
    onClose()
  }
  const ok = (message: string) => () => {
    toast.success(message)
    close()
  }

  const DONE: Record<string, string> = { block: "blocked", unblock: "unblocked", lost: "declared lost" }
  const submit = () => {
    if ((action === "block" || action === "unblock") && !reason.trim()) {
      setMissing("A reason is required: it is kept in the card's log.")
      return
    }
    setMissing(null)
    if (action === "bind") bind.mutate({ customer_id: customerId.trim() }, { onSuccess: ok(`Card ${cardName(card)} bound`) })
    else if (action === "replace")
      replace.mutate(
        {
          new_card_uid: newUid,
          ...(card.customer_id ? {} : { printed_number: printed, qr_token: token }),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        },
        { onSuccess: (res) => ok(`Card ${cardName(card)} replaced by ${cardName(res.new_card)}`)() }
      )
    else status.mutate(reason.trim() ? { reason: reason.trim() } : {}, { onSuccess: ok(`Card ${cardName(card)} ${DONE[action]}`) })
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && close()}
      title={`${text.title} ${cardName(card)}`}
      description={text.description}
      submitLabel={text.submit}
      isPending={pending}
      onSubmit={submit}
    >
      {action === "bind" && (
        <Field id="customer-id" label="Customer id" hint="From the customer's page, e.g. cus_01…">
          <Input id="customer-id" value={customerId} onChange={(e) => setCustomerId(e.target.value)} />
        </Field>
      )}
      {action === "replace" && (
        <>
          <Field id="new-uid" label="New card UID" hint="Tap the new card on the reader, or type the UID printed on its box">
            <Input id="new-uid" className="font-mono" value={newUid} onChange={(e) => setNewUid(e.target.value)} />
          </Field>
          {!card.customer_id && (
            <>
              <Field id="old-number" label="Printed number of this card" hint="Anonymous card: the bearer shows what is printed on it">
                <Input id="old-number" value={printed} onChange={(e) => setPrinted(e.target.value)} />
              </Field>
              <Field id="old-token" label="QR token of this card" hint="Scan the QR code on the card">
                <Input id="old-token" className="font-mono" value={token} onChange={(e) => setToken(e.target.value)} />
              </Field>
            </>
          )}
        </>
      )}
      {action !== "bind" && (
        <Field id="reason" label="Reason" optional={action === "lost" || action === "replace"} hint="Kept in the card's log" error={missing}>
          <Input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
      {failure && <Alert variant="error">{errorMessage(failure)}</Alert>}
    </FormDrawer>
  )
}
