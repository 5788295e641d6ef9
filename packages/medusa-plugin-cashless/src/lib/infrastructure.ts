import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { InfrastructureKind, InfrastructureReport } from "../types/http/status"

type AnyRecord = Record<string, unknown>

const className = (value: unknown): string =>
  (value as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? ""

/**
 * The event bus is known by its class: Medusa ships exactly two implementations.
 */
export function eventBusKind(service: unknown): InfrastructureKind {
  const name = className(service)
  if (name === "RedisEventBusService") return "redis"
  if (name === "LocalEventBusService") return "in-memory"
  return "unknown"
}

/**
 * Both workflow engines export a class named `WorkflowsModuleService`, so the class
 * name says nothing; their orchestrators differ by the transaction storage they hold.
 */
export function workflowEngineKind(service: unknown): InfrastructureKind {
  const orchestrator = (service as AnyRecord | undefined)?.workflowOrchestratorService_ as
    | AnyRecord
    | undefined
  if (!orchestrator) return "unknown"
  if (orchestrator.redisDistributedTransactionStorage_) return "redis"
  if (orchestrator.inMemoryDistributedTransactionStorage_) return "in-memory"
  return "unknown"
}

const LOCKING_PROVIDERS: Record<string, InfrastructureKind> = {
  "locking-redis": "redis",
  "locking-postgres": "postgres",
  "in-memory": "in-memory",
}

/**
 * The locking module delegates to its default provider; the provider class carries
 * a static `identifier` that names the backend.
 */
export function lockingKind(service: unknown): InfrastructureKind {
  const svc = service as AnyRecord | undefined
  const providers = svc?.providerService_ as
    | { retrieveProviderRegistration?: (id: string) => unknown }
    | undefined
  const defaultId = svc?.defaultProviderId
  if (!providers?.retrieveProviderRegistration || typeof defaultId !== "string") {
    return "unknown"
  }
  const provider = providers.retrieveProviderRegistration(defaultId) as
    | { constructor?: { identifier?: string } }
    | undefined
  const identifier = provider?.constructor?.identifier ?? ""
  return LOCKING_PROVIDERS[identifier] ?? "unknown"
}

export function detectInfrastructure(container: MedusaContainer): InfrastructureReport {
  return {
    event_bus: eventBusKind(container.resolve(Modules.EVENT_BUS, { allowUnregistered: true })),
    workflow_engine: workflowEngineKind(
      container.resolve(Modules.WORKFLOW_ENGINE, { allowUnregistered: true })
    ),
    locking: lockingKind(container.resolve(Modules.LOCKING, { allowUnregistered: true })),
  }
}
