import { Alert, Checkbox, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { ROLE_OPTIONS, type StaffMember, type StaffRole, staffName, usePointsOfSale, useSetStaff } from "../lib/staff"
import { errorMessage } from "../lib/wallets"
import { Field, FormDrawer } from "./form-drawer"

const NONE = "none"

/** Changes a user's role and, when the server lists points of sale, the ones they sell at. */
export const StaffRoleDrawer = ({ member, onClose }: { member: StaffMember | null; onClose: () => void }) => {
  if (!member) return null
  // Keyed by user: the form starts from that user's current role every time it opens.
  return <StaffRoleForm key={member.user_id} member={member} onClose={onClose} />
}

const StaffRoleForm = ({ member, onClose }: { member: StaffMember; onClose: () => void }) => {
  const [role, setRole] = useState<StaffRole | null>(member.role)
  const [posIds, setPosIds] = useState<string[]>(member.point_of_sale_ids)
  const save = useSetStaff()
  const pointsOfSale = usePointsOfSale()
  const options = pointsOfSale.data?.points_of_sale ?? null

  const submit = () =>
    save.mutate(
      // Without the list of points of sale, assignments are left as they are.
      { user_id: member.user_id, role, ...(options ? { point_of_sale_ids: posIds } : {}) },
      {
        onSuccess: () => {
          toast.success("Role saved", { description: `${staffName(member)}: ${role ?? "no role"}` })
          onClose()
        },
      }
    )

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title="Staff role"
      description={`What ${staffName(member)} may do in Cashless. It applies to their next request.`}
      submitLabel="Save"
      isPending={save.isPending}
      onSubmit={submit}
    >
      <Field id="staff-role" label="Role" hint={ROLE_OPTIONS.find((o) => o.value === role)?.text ?? "No access to Cashless once an admin is named."}>
        <Select value={role ?? NONE} onValueChange={(v) => setRole(v === NONE ? null : (v as StaffRole))}>
          <Select.Trigger id="staff-role">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {ROLE_OPTIONS.map((o) => (
              <Select.Item key={o.value} value={o.value}>
                {o.label}
              </Select.Item>
            ))}
            <Select.Item value={NONE}>No role</Select.Item>
          </Select.Content>
        </Select>
      </Field>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          Points of sale
        </Text>
        {options ? (
          options.length ? (
            options.map((p) => (
              <div key={p.id} className="flex items-center gap-x-2">
                <Checkbox
                  id={`pos-${p.id}`}
                  checked={posIds.includes(p.id)}
                  onCheckedChange={(checked) => setPosIds((ids) => (checked === true ? [...ids, p.id] : ids.filter((id) => id !== p.id)))}
                />
                <Label htmlFor={`pos-${p.id}`} size="small">
                  {p.name}
                </Label>
              </div>
            ))
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              No point of sale yet.
            </Text>
          )
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {pointsOfSale.isLoading
              ? "Loading points of sale…"
              : `Points of sale cannot be listed here yet: assign them with POST /admin/cashless/staff/${member.user_id} and point_of_sale_ids. Currently: ${member.point_of_sale_ids.join(", ") || "none"}.`}
          </Text>
        )}
        <Text size="small" className="text-ui-fg-muted">
          Only cashiers are limited to their points of sale; managers and admins work at all of them.
        </Text>
      </div>
      {save.error && <Alert variant="error">{errorMessage(save.error)}</Alert>}
    </FormDrawer>
  )
}
