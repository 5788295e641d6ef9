import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { RoleBadge } from "../../../components/role-badge"
import { StaffRoleDrawer } from "../../../components/staff-role-drawer"
import { type StaffMember, staffName, usePointsOfSale, useStaff } from "../../../lib/staff"
import { errorMessage } from "../../../lib/wallets"

const StaffPage = () => {
  const { data, error, isLoading } = useStaff()
  const pointsOfSale = usePointsOfSale()
  const [editing, setEditing] = useState<StaffMember | null>(null)
  const posName = (id: string) => pointsOfSale.data?.points_of_sale.find((p) => p.id === id)?.name ?? id
  const canEdit = data?.me.role === "admin"

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Staff</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Who may do what in Cashless: cashiers sell at their points of sale, managers also refund, give gift credit and close tills,
            admins also adjust balances and give roles. Medusa's own admin access is not enough.
          </Text>
        </div>
        {data?.bootstrap && (
          <div className="px-6 py-4">
            <Alert variant="warning">
              No cashless admin is named yet, so every admin user is a cashless admin. Name yourself admin first: from then on users
              without a role cannot use Cashless.
            </Alert>
          </div>
        )}
        {data && !canEdit && (
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">
              You are {data.me.role ?? "without a role"}: only a cashless admin can change roles.
            </Text>
          </div>
        )}
        {error ? (
          <div className="px-6 py-4">
            <Alert variant="error">The staff could not be read: {errorMessage(error)}</Alert>
          </div>
        ) : isLoading || !data ? (
          <div className="px-6 py-4">
            <Text size="small">Loading staff…</Text>
          </div>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>User</Table.HeaderCell>
                <Table.HeaderCell>Role</Table.HeaderCell>
                <Table.HeaderCell>Points of sale</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.staff.map((s) => (
                <Table.Row key={s.user_id} className="[&_td]:py-2 [&_td]:align-top">
                  <Table.Cell>
                    <div className="flex flex-col">
                      <Text size="small" weight="plus" leading="compact">
                        {staffName(s)}
                        {s.user_id === data.me.user_id && <span className="text-ui-fg-muted font-normal"> (you)</span>}
                      </Text>
                      <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                        {s.email ?? s.user_id}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <RoleBadge role={s.role} bootstrap={data.bootstrap} />
                  </Table.Cell>
                  <Table.Cell>
                    <Text size="small" leading="compact">
                      {s.point_of_sale_ids.length ? s.point_of_sale_ids.map(posName).join(", ") : s.role === "cashier" ? "None: cannot sell" : "—"}
                    </Text>
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    {canEdit && (
                      <Button size="small" variant="secondary" onClick={() => setEditing(s)}>
                        Change role
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      <StaffRoleDrawer member={editing} onClose={() => setEditing(null)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Staff",
})

export default StaffPage
