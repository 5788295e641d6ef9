import { Alert, Input, Select, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { endOfLocalDay, formatEnd, startOfLocalDay } from "../lib/dates"
import { useSubmissionKey } from "../lib/idempotency"
import { type CustomerOption, type GrantBody, holderLabel, useGrantMembership, usePlans } from "../lib/memberships"
import { writeFailure } from "../lib/wallets"
import { CustomerPicker } from "./customer-picker"
import { Field, FormDrawer } from "./form-drawer"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** On a customer's page the holder is that customer: no picker. */
  customer?: CustomerOption
}

type Errors = { plan?: string; holder?: string; periods?: string; dates?: string }

/**
 * A staff grant: a plan for a customer or an anonymous card. Without dates the plan's rule
 * decides, renewing from the end of a running membership; with dates staff decide.
 */
export const GrantMembershipDrawer = ({ open, onOpenChange, customer }: Props) => {
  const [planId, setPlanId] = useState("")
  const [holderKind, setHolderKind] = useState<"customer" | "card">("customer")
  const [chosen, setChosen] = useState<CustomerOption | null>(null)
  const [cardId, setCardId] = useState("")
  const [periods, setPeriods] = useState("1")
  const [startDay, setStartDay] = useState("")
  const [lastDay, setLastDay] = useState("")
  const [note, setNote] = useState("")
  const [errors, setErrors] = useState<Errors>({})
  const plans = usePlans()
  const grant = useGrantMembership()
  const submission = useSubmissionKey()
  const active = plans.data?.plans.filter((p) => !p.archived_at) ?? []
  const holder = customer ?? chosen

  const reset = () => {
    setPlanId("")
    setHolderKind("customer")
    setChosen(null)
    setCardId("")
    setPeriods("1")
    setStartDay("")
    setLastDay("")
    setNote("")
    setErrors({})
    grant.reset()
    // A drawer opened again is a new grant, even with the same fields: it gets a new key.
    submission.done()
  }

  const submit = async () => {
    const next: Errors = {}
    const n = Number(periods)
    if (!planId) next.plan = "Choose a plan."
    if (holderKind === "customer" && !holder) next.holder = "Choose the customer."
    if (holderKind === "card" && !cardId.trim()) next.holder = "Enter the card id, e.g. ccard_01…"
    if (!Number.isInteger(n) || n < 1 || n > 100) next.periods = "A whole number from 1 to 100."
    if (lastDay && !startDay) next.dates = "A last day needs a first day: give both, or neither to follow the plan."
    else if (lastDay && lastDay < startDay) next.dates = "The last day must not come before the first."
    setErrors(next)
    if (Object.keys(next).length) return

    const body: Omit<GrantBody, "idempotency_key"> = {
      plan_id: planId,
      ...(holderKind === "customer" ? { customer_id: holder!.id } : { card_id: cardId.trim() }),
      periods: n,
      ...(startDay ? { starts_at: startOfLocalDay(startDay) } : {}),
      ...(lastDay ? { ends_at: endOfLocalDay(lastDay) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    }
    try {
      const { membership, created } = await grant.mutateAsync({ ...body, idempotency_key: submission.keyFor(body) })
      toast.success(created ? "Membership granted" : "This membership was already granted", {
        description: `${membership.plan_name} for ${holderLabel(membership)}, ${
          membership.ends_at ? `until ${formatEnd(membership.ends_at)}` : "lifetime"
        }`,
      })
      reset()
      onOpenChange(false)
    } catch {
      // Shown in the drawer, which stays filled: submitting it unchanged reuses the key, so a
      // grant whose answer was lost is granted once.
    }
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={(next) => {
        if (!next) reset()
        onOpenChange(next)
      }}
      title="Grant membership"
      description={
        customer
          ? `A membership for ${holder ? holder.email : "this customer"}, granted by staff.`
          : "A membership granted by staff, to a customer or to an anonymous card."
      }
      submitLabel="Grant"
      isPending={grant.isPending}
      onSubmit={submit}
    >
      <Field id="grant-plan" label="Plan" error={errors.plan}>
        <Select value={planId} onValueChange={setPlanId}>
          <Select.Trigger id="grant-plan" aria-label="Plan" aria-invalid={!!errors.plan}>
            <Select.Value placeholder={active.length ? "Choose a plan" : "No plan yet: create one first"} />
          </Select.Trigger>
          <Select.Content>
            {active.map((p) => (
              <Select.Item key={p.id} value={p.id}>
                {p.name} · {p.duration_label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {!customer && (
        <Field id="grant-holder-kind" label="For">
          <Select value={holderKind} onValueChange={(v) => setHolderKind(v as "customer" | "card")}>
            <Select.Trigger id="grant-holder-kind" aria-label="For">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="customer">A customer</Select.Item>
              <Select.Item value="card">An anonymous card</Select.Item>
            </Select.Content>
          </Select>
        </Field>
      )}
      {!customer && holderKind === "customer" && (
        <Field id="grant-customer" label="Customer" error={errors.holder}>
          <CustomerPicker id="grant-customer" value={chosen} onChange={setChosen} invalid={!!errors.holder} />
        </Field>
      )}
      {holderKind === "card" && (
        <Field id="grant-card" label="Card id" error={errors.holder} hint="From the card's page (Cashless › Cards). It moves to the holder when the card is bound.">
          <Input id="grant-card" className="font-mono" value={cardId} onChange={(e) => setCardId(e.target.value)} aria-invalid={!!errors.holder} />
        </Field>
      )}
      <Field id="grant-periods" label="Periods" error={errors.periods} hint="How many periods of the plan, e.g. 2 for two years.">
        <Input id="grant-periods" type="number" min={1} max={100} value={periods} onChange={(e) => setPeriods(e.target.value)} aria-invalid={!!errors.periods} />
      </Field>
      <Field id="grant-start" label="First day" optional hint="Empty: from now, or from the end of a running membership.">
        <Input id="grant-start" type="date" value={startDay} onChange={(e) => setStartDay(e.target.value)} />
      </Field>
      <Field id="grant-end" label="Last day" optional error={errors.dates} hint="Empty: the plan's duration decides.">
        <Input id="grant-end" type="date" value={lastDay} onChange={(e) => setLastDay(e.target.value)} aria-invalid={!!errors.dates} />
      </Field>
      <Field id="grant-note" label="Note" optional>
        <Textarea id="grant-note" rows={2} placeholder="Volunteer of the year" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {grant.error && <Alert variant="error">{writeFailure(grant.error)}</Alert>}
    </FormDrawer>
  )
}
