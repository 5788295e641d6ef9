import { Alert, Button, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useSearchParams } from "react-router-dom"
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
import { MembershipRows } from "./membership-rows"

const PAGE_SIZE = 20
const ALL = "all"

/** Who is a member of what, filtered by state and plan, searched by holder; the filters live in the URL. */
export const MembersSection = () => {
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const state = (params.get("state") ?? "") as MembershipState | ""
  const planId = params.get("plan_id") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const [search, setSearch] = useState(q)
  const [granting, setGranting] = useState(false)
  const [importing, setImporting] = useState(false)
  const [cancelling, setCancelling] = useState<MembershipView | null>(null)
  const filter = { q: q || undefined, state: state || undefined, plan_id: planId || undefined }
  const { data, error, isLoading } = useMemberships({ ...filter, limit: PAGE_SIZE, offset })
  const plans = usePlans()

  // The search this section last wrote into the URL; any other change of `q` (Back, Forward)
  // comes from outside and replaces what the box shows.
  const written = useRef(q)
  useEffect(() => {
    if (q !== written.current) {
      written.current = q
      setSearch(q)
    }
  }, [q])

  const go = (next: Record<string, string | number>) => {
    // Every other parameter (the open tab) is kept as it is.
    const merged = { ...Object.fromEntries(params), q, state, plan_id: planId, offset: String(offset), ...next }
    written.current = String(merged.q)
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== "" && v !== "0").map(([k, v]) => [k, String(v)])), { replace: true })
  }
  useEffect(() => {
    const term = search.trim()
    if (term === q) return
    const timer = setTimeout(() => go({ q: term, offset: 0 }), 300)
    return () => clearTimeout(timer)
  }, [search])

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
        <Input
          type="search"
          size="small"
          className="w-full max-w-[320px]"
          placeholder="Holder name or email"
          aria-label="Search members"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select size="small" value={state || ALL} onValueChange={(v) => go({ state: v === ALL ? "" : v, offset: 0 })}>
          <Select.Trigger className="w-[150px]" aria-label="State">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>All states</Select.Item>
            {MEMBERSHIP_STATES.map((s) => (
              <Select.Item key={s} value={s}>
                <span className="capitalize">{s}</span>
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select size="small" value={planId || ALL} onValueChange={(v) => go({ plan_id: v === ALL ? "" : v, offset: 0 })}>
          <Select.Trigger className="w-[220px]" aria-label="Plan">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>All plans</Select.Item>
            {plans.data?.plans.map((p) => (
              <Select.Item key={p.id} value={p.id}>
                {p.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
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
          <Table.Pagination
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={Math.floor(shownOffset / PAGE_SIZE)}
            pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
            canPreviousPage={shownOffset > 0}
            canNextPage={shownOffset + PAGE_SIZE < count}
            previousPage={() => go({ offset: Math.max(0, shownOffset - PAGE_SIZE) })}
            nextPage={() => go({ offset: shownOffset + PAGE_SIZE })}
          />
        </div>
      )}
      <GrantMembershipDrawer open={granting} onOpenChange={setGranting} />
      <ImportMembersDrawer open={importing} onOpenChange={setImporting} />
      <CancelMembershipDrawer membership={cancelling} onClose={() => setCancelling(null)} />
    </Container>
  )
}
