import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Alert, Container, Heading, Text } from "@medusajs/ui"
import { SectionLinks } from "../../components/section-links"
import { StatusRow } from "../../components/status-row"
import { useCashlessStatus, type InfrastructureKind } from "../../lib/status"

const INFRA_LABEL: Record<InfrastructureKind, string> = {
  redis: "Redis",
  "in-memory": "In-memory (single process)",
  postgres: "PostgreSQL advisory locks",
  unknown: "Unknown",
}

const INFRA_ROWS = [
  ["event_bus", "Event bus"],
  ["workflow_engine", "Workflow engine"],
  ["locking", "Locking"],
] as const

const infraTone = (kind: InfrastructureKind) =>
  kind === "unknown" ? "red" : kind === "in-memory" ? "grey" : "green"

const CashlessStatusPage = () => {
  const { data, error, isLoading } = useCashlessStatus()

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Cashless</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            NFC cards, wallets, memberships and tills. This page shows what this server
            process has actually loaded.
          </Text>
        </div>
        {isLoading && (
          <div className="px-6 py-4">
            <Text size="small">Loading status…</Text>
          </div>
        )}
        {error && (
          <div className="px-6 py-4">
            <Alert variant="error">
              The status could not be read: {error instanceof Error ? error.message : String(error)}
            </Alert>
          </div>
        )}
        {data && (
          <>
            <StatusRow label="Plugin" value={`${data.plugin.name} ${data.plugin.version}`} />
            <StatusRow label="Process role" value={data.worker_mode} />
            <StatusRow label="Node.js" value={data.node_version} />
          </>
        )}
      </Container>
      <Container className="p-0">
        <SectionLinks />
      </Container>
      {data && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Infrastructure</Heading>
          </div>
          {INFRA_ROWS.map(([key, label]) => (
            <StatusRow
              key={key}
              label={label}
              value={INFRA_LABEL[data.infrastructure[key]]}
              tone={infraTone(data.infrastructure[key])}
            />
          ))}
          <StatusRow
            label="Database"
            value={`PostgreSQL ${data.database.server_version} · ${data.database.name} on ${data.database.host}:${data.database.port ?? "?"}${data.database.embedded ? " (embedded)" : ""}`}
          />
          <StatusRow label="Checked at" value={new Date(data.checked_at).toLocaleString()} />
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Cashless",
  icon: CreditCard,
})

export default CashlessStatusPage
