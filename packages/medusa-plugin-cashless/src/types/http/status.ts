/** Shapes of `GET /admin/cashless/status`, shared by the route and the admin page. */

export type InfrastructureKind = "redis" | "in-memory" | "postgres" | "unknown"

export type InfrastructureReport = {
  event_bus: InfrastructureKind
  workflow_engine: InfrastructureKind
  locking: InfrastructureKind
}

export type DatabaseReport = {
  engine: "postgres"
  name: string
  host: string
  port: number | null
  user: string
  server_version: string
  embedded: boolean
}

export type CashlessStatusResponse = {
  plugin: { name: string; version: string }
  infrastructure: InfrastructureReport
  database: DatabaseReport
  worker_mode: string
  node_version: string
  checked_at: string
}
