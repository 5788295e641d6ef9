import { Alert, Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { type PlanRecord, useCustomerGroups, usePlans, useUpdatePlan } from "../lib/memberships"
import { errorMessage } from "../lib/wallets"
import { PlanDrawer } from "./plan-drawer"

/** The plans: what a membership lasts, which group it fills, which variants sell it. */
export const PlansSection = () => {
  const { data, error, isLoading } = usePlans()
  const groups = useCustomerGroups()
  const update = useUpdatePlan()
  // "new" opens the drawer empty; a plan opens it on that plan.
  const [editing, setEditing] = useState<PlanRecord | "new" | null>(null)
  const groupName = (id: string | null) =>
    id ? (groups.data?.customer_groups.find((g) => g.id === id)?.name ?? id) : <span className="text-ui-fg-muted">None</span>

  const setArchived = (plan: PlanRecord, archived: boolean) =>
    update.mutate(
      { id: plan.id, archived },
      {
        onSuccess: () => toast.success(`Plan ${plan.name} ${archived ? "archived" : "unarchived"}`),
        onError: (err) => toast.error(`Plan ${plan.name} was not ${archived ? "archived" : "unarchived"}`, { description: errorMessage(err) }),
      }
    )

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">Plans</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Archived plans grant nothing new from staff or imports; memberships already granted keep running.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditing("new")}>
          Create plan
        </Button>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <Alert variant="error">The plans could not be read: {errorMessage(error)}</Alert>
        </div>
      ) : isLoading ? (
        <Text size="small" className="px-6 py-4">
          Loading plans…
        </Text>
      ) : !data?.plans.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-8 text-center">
          No plan yet: create one, e.g. "Membership 2027", a calendar year.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>Duration</Table.HeaderCell>
              <Table.HeaderCell>Customer group</Table.HeaderCell>
              <Table.HeaderCell>Variants</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.plans.map((p) => (
              <Table.Row key={p.id} aria-label={`plan ${p.name}`} className="[&_td]:py-2 [&_td]:align-top">
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small" weight="plus" leading="compact">
                      {p.name}
                    </Text>
                    {p.description && (
                      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                        {p.description}
                      </Text>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>
                  {p.duration_label}
                  {p.allow_parallel && <span className="text-ui-fg-subtle"> · parallel</span>}
                </Table.Cell>
                <Table.Cell>{groupName(p.customer_group_id)}</Table.Cell>
                <Table.Cell>{p.variant_ids.length}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={p.archived_at ? "grey" : "green"}>{p.archived_at ? "Archived" : "Active"}</StatusBadge>
                </Table.Cell>
                <Table.Cell>
                  <div className="flex justify-end gap-x-2">
                    <Button size="small" variant="transparent" onClick={() => setEditing(p)}>
                      Edit
                    </Button>
                    <Button
                      size="small"
                      variant="transparent"
                      isLoading={update.isPending && update.variables?.id === p.id}
                      onClick={() => setArchived(p, !p.archived_at)}
                    >
                      {p.archived_at ? "Unarchive" : "Archive"}
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {editing && <PlanDrawer plan={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </Container>
  )
}
