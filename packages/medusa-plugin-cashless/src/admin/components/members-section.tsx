import { Alert, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useListParams } from "../lib/list-params"
import {
  MEMBERSHIP_STATES,
  type MembershipState,
  type MembershipView,
  membershipsCsvUrl,
  useMemberships,
  usePlans,
} from "../lib/memberships"
import { errorMessage } from "../lib/wallets"
import { CancelMembershipDrawer } from "./cancel-membership-drawer"
import { GrantMembershipDrawer } from "./grant-membership-drawer"
import { ImportMembersDrawer } from "./import-members-drawer"
import { FilterSelect, OffsetPagination, SearchBox } from "./list-controls"
import { MembershipRows } from "./membership-rows"

const PAGE_SIZE = 20
const FILTERS = ["state", "plan_id"] as const
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Who is a member of what, filtered by state and plan, searched by holder; the filters live in the URL. */
export const MembersSection = () => {
  const { q, filters, offset, search, setSearch, go } = useListParams(FILTERS)
  const state = filters.state as MembershipState | ""
  const planId = filters.plan_id
  const [granting, setGranting] = useState(false)
  const [importing, setImporting] = useState(false)
  const [cancelling, setCancelling] = useState<MembershipView | null>(null)
  const filter = { q: q || undefined, state: state || undefined, plan_id: planId || undefined }
  const { data, error, isLoading } = useMemberships({ ...filter, limit: PAGE_SIZE, offset })
  const plans = usePlans()

  const count = data?.count ?? 0
  const shownOffset = data?.offset ?? offset

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">Members</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every membership: bought online or at a till, granted by staff or imported.
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="small" variant="secondary" asChild>
            <a href={membershipsCsvUrl(filter)} download>
              Export CSV
            </a>
          </Button>
          <Button size="small" variant="secondary" onClick={() => setImporting(true)}>
            Import members
          </Button>
          <Button size="small" variant="secondary" onClick={() => setGranting(true)}>
            Grant membership
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <SearchBox label="Search members" placeholder="Holder name or email" value={search} onChange={setSearch} />
        <FilterSelect
          label="State"
          allLabel="All states"
          value={state}
          options={MEMBERSHIP_STATES.map((s) => ({ value: s, label: capitalized(s) }))}
          onChange={(v) => go({ state: v, offset: 0 })}
        />
        <FilterSelect
          label="Plan"
          allLabel="All plans"
          value={planId}
          options={(plans.data?.plans ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => go({ plan_id: v, offset: 0 })}
          width="w-[220px]"
        />
      </div>
      {error ? (
        <div className="px-6 py-4">
          <Alert variant="error">The memberships could not be read: {errorMessage(error)}</Alert>
        </div>
      ) : isLoading ? (
        <Text size="small" className="px-6 py-4">
          Loading memberships…
        </Text>
      ) : !data?.memberships.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-8 text-center">
          {q || state || planId ? "No membership matches." : "No membership yet: grant one, import members, or sell a plan."}
        </Text>
      ) : (
        <div>
          <MembershipRows memberships={data.memberships} onCancel={setCancelling} />
          <OffsetPagination count={count} offset={shownOffset} pageSize={PAGE_SIZE} onOffset={(o) => go({ offset: o })} />
        </div>
      )}
      <GrantMembershipDrawer open={granting} onOpenChange={setGranting} />
      <ImportMembersDrawer open={importing} onOpenChange={setImporting} />
      <CancelMembershipDrawer membership={cancelling} onClose={() => setCancelling(null)} />
    </Container>
  )
}
