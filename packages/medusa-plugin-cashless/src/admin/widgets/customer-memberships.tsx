import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Alert, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { CancelMembershipDrawer } from "../components/cancel-membership-drawer"
import { GrantMembershipDrawer } from "../components/grant-membership-drawer"
import { MembershipList } from "../components/membership-list"
import { MembershipStatusBadge } from "../components/membership-status"
import { type MembershipView, useCustomerMemberships } from "../lib/memberships"
import { errorMessage } from "../lib/wallets"

/** The customer's memberships on their page: status now, every membership, grant and cancel. */
const CustomerMembershipsWidget = ({ data: customer }: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const { data, error, isLoading } = useCustomerMemberships(customer.id)
  const [granting, setGranting] = useState(false)
  const [cancelling, setCancelling] = useState<MembershipView | null>(null)

  return (
    <Container className="divide-y p-0" role="region" aria-labelledby="cashless-memberships-heading">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2" id="cashless-memberships-heading">
          Memberships
        </Heading>
        <Button size="small" variant="secondary" onClick={() => setGranting(true)}>
          Grant
        </Button>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <Alert variant="error">The memberships could not be read: {errorMessage(error)}</Alert>
        </div>
      ) : isLoading || !data ? (
        <Text size="small" className="px-6 py-4">
          Loading memberships…
        </Text>
      ) : (
        <>
          <div className="px-6 py-4" data-membership-status={data.membership.status}>
            <MembershipStatusBadge check={data.membership} />
          </div>
          {data.memberships.length > 0 && <MembershipList memberships={data.memberships} onCancel={setCancelling} />}
        </>
      )}
      <GrantMembershipDrawer
        open={granting}
        onOpenChange={setGranting}
        customer={{ id: customer.id, email: customer.email, first_name: customer.first_name, last_name: customer.last_name }}
      />
      <CancelMembershipDrawer membership={cancelling} onClose={() => setCancelling(null)} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerMembershipsWidget
