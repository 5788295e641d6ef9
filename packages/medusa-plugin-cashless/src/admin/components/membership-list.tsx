import { Button, Text } from "@medusajs/ui"
import { formatEnd, formatStart } from "../lib/dates"
import { type MembershipView, SOURCE_LABEL } from "../lib/memberships"
import { MembershipStateBadge } from "./membership-state-badge"

/** One holder's memberships, compact enough for a widget column where a six-column table overflows. */
export const MembershipList = ({ memberships, onCancel }: { memberships: MembershipView[]; onCancel: (m: MembershipView) => void }) => (
  <ul className="divide-y">
    {memberships.map((m) => (
      <li key={m.id} data-membership-id={m.id} className="flex items-start justify-between gap-x-3 px-6 py-3">
        <div className="flex flex-col gap-y-1">
          <div className="flex flex-wrap items-center gap-x-2">
            <Text size="small" weight="plus" leading="compact">
              {m.plan_name}
            </Text>
            <MembershipStateBadge state={m.state} />
          </div>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {formatStart(m.starts_at)} → {m.ends_at ? formatEnd(m.ends_at) : "lifetime"} · {SOURCE_LABEL[m.source]}
          </Text>
          {m.cancel_reason && (
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
              {m.cancel_reason}
            </Text>
          )}
        </div>
        {m.state !== "cancelled" && (
          <Button size="small" variant="transparent" onClick={() => onCancel(m)}>
            Cancel
          </Button>
        )}
      </li>
    ))}
  </ul>
)
