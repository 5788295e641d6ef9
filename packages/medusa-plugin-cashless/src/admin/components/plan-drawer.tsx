import { Alert, Input, Select, Switch, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import {
  DURATION_UNIT_LABEL,
  type DurationUnit,
  type PlanBody,
  type PlanRecord,
  useCreatePlan,
  useCustomerGroups,
  useUpdatePlan,
  useVariantNames,
} from "../lib/memberships"
import { errorMessage } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"
import { VariantPicker } from "./variant-picker"

const NO_GROUP = "none"
const UNITS = Object.keys(DURATION_UNIT_LABEL) as DurationUnit[]

/** What the count means for each unit; lifetime has none, so its field is hidden. */
const COUNT_LABEL: Record<Exclude<DurationUnit, "lifetime">, string> = {
  hours: "Number of hours",
  days: "Number of days",
  months: "Number of months",
  calendar_year: "Number of years",
  school_year: "Number of years",
}

type Errors = { name?: string; count?: string }

/** Creates a plan, or edits one when `plan` is given. New rules apply to grants from now on. */
export const PlanDrawer = ({ plan, onClose }: { plan: PlanRecord | null; onClose: () => void }) => {
  const [name, setName] = useState(plan?.name ?? "")
  const [description, setDescription] = useState(plan?.description ?? "")
  const [unit, setUnit] = useState<DurationUnit>(plan?.duration_unit ?? "calendar_year")
  const [count, setCount] = useState(String(plan?.duration_count ?? 1))
  const [groupId, setGroupId] = useState(plan?.customer_group_id ?? NO_GROUP)
  const [parallel, setParallel] = useState(plan?.allow_parallel ?? false)
  const [variantIds, setVariantIds] = useState<string[]>(plan?.variant_ids ?? [])
  const [picked, setPicked] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Errors>({})
  const groups = useCustomerGroups()
  const known = useVariantNames(plan?.variant_ids ?? [])
  const create = useCreatePlan()
  const update = useUpdatePlan()
  const failure = create.error ?? update.error

  const submit = () => {
    const next: Errors = {}
    const n = Number(count)
    if (!name.trim()) next.name = "A name is required: members and staff see it."
    if (unit !== "lifetime" && (!Number.isInteger(n) || n < 1 || n > 1000)) next.count = "A whole number from 1 to 1000."
    setErrors(next)
    if (Object.keys(next).length) return
    const body: PlanBody = {
      name: name.trim(),
      description: description.trim() || null,
      duration_unit: unit,
      duration_count: unit === "lifetime" ? 1 : n,
      customer_group_id: groupId === NO_GROUP ? null : groupId,
      allow_parallel: parallel,
      variant_ids: variantIds,
    }
    const done = (message: string) => () => {
      toast.success(message)
      onClose()
    }
    if (plan) update.mutate({ id: plan.id, ...body }, { onSuccess: done(`Plan ${body.name} saved`) })
    else create.mutate(body, { onSuccess: done(`Plan ${body.name} created`) })
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={plan ? `Edit ${plan.name}` : "Create plan"}
      description={
        plan
          ? "Changes apply to memberships granted from now on; granted memberships keep their dates."
          : "A kind of membership: how long it lasts, which customer group its members join, which products sell it."
      }
      submitLabel={plan ? "Save" : "Create plan"}
      isPending={create.isPending || update.isPending}
      onSubmit={submit}
    >
      <Field id="plan-name" label="Name" error={errors.name}>
        <Input id="plan-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
      </Field>
      <Field id="plan-description" label="Description" optional>
        <Textarea id="plan-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <Field id="plan-unit" label="Duration" hint="Years end on 31 December or 31 August whenever they were bought.">
        <Select value={unit} onValueChange={(v) => setUnit(v as DurationUnit)}>
          <Select.Trigger id="plan-unit" aria-label="Duration">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {UNITS.map((u) => (
              <Select.Item key={u} value={u}>
                {DURATION_UNIT_LABEL[u]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {unit !== "lifetime" && (
        <Field id="plan-count" label={COUNT_LABEL[unit]} error={errors.count} hint="Per period bought: two bought at once last twice as long.">
          <Input id="plan-count" type="number" min={1} max={1000} value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={!!errors.count} />
        </Field>
      )}
      <Field id="plan-group" label="Customer group" hint="Valid members are added to it and removed when their membership ends: use it for member prices.">
        <Select value={groupId} onValueChange={setGroupId}>
          <Select.Trigger id="plan-group" aria-label="Customer group">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NO_GROUP}>No group</Select.Item>
            {groups.data?.customer_groups.map((g) => (
              <Select.Item key={g.id} value={g.id}>
                {g.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field
        id="plan-parallel"
        label="Parallel memberships"
        hint={
          parallel
            ? "Each purchase runs from its own start, alongside the others."
            : "A renewal bought before the end starts when the current membership ends."
        }
      >
        <Switch id="plan-parallel" checked={parallel} onCheckedChange={setParallel} />
      </Field>
      <Field id="plan-variants" label="Sold by" optional hint="Buying one of these variants grants the plan. A variant sells one plan only.">
        <VariantPicker
          value={variantIds}
          onChange={setVariantIds}
          names={{ ...known.data, ...picked }}
          onName={(id, label) => setPicked((p) => ({ ...p, [id]: label }))}
        />
      </Field>
      {failure && <Alert variant="error">{errorMessage(failure)}</Alert>}
    </FormDrawer>
  )
}
