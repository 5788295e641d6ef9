import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DatabaseReport } from "../types/http/status"

type Knex = {
  raw: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>
}

/** Host and port as the app was configured to reach them (the server's own view may be a socket). */
export function parseDatabaseUrl(url: string | undefined): { host: string; port: number | null } {
  if (!url) return { host: "", port: null }
  try {
    const parsed = new URL(url)
    return { host: parsed.hostname, port: parsed.port ? Number(parsed.port) : 5432 }
  } catch {
    return { host: "", port: null }
  }
}

export async function describeDatabase(
  container: MedusaContainer,
  embedded: boolean
): Promise<DatabaseReport> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const config = container.resolve<{ projectConfig: { databaseUrl?: string } }>(
    ContainerRegistrationKeys.CONFIG_MODULE
  )
  const { rows } = await knex.raw(
    "select current_database() as name, current_user as user, current_setting('server_version') as version, inet_server_port() as port"
  )
  const row = rows[0] ?? {}
  const configured = parseDatabaseUrl(config.projectConfig.databaseUrl)
  return {
    engine: "postgres",
    name: String(row.name ?? ""),
    host: configured.host || "localhost",
    port: configured.port ?? (row.port == null ? null : Number(row.port)),
    user: String(row.user ?? ""),
    server_version: String(row.version ?? ""),
    embedded,
  }
}
