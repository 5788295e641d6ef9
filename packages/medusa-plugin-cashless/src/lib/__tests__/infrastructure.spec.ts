import { eventBusKind, lockingKind, workflowEngineKind } from "../infrastructure"

// Real classes where they can be built without a server; the HTTP suites check the
// detection against a fully booted app with and without Redis.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LocalEventBusService = require("@medusajs/event-bus-local/dist/services/event-bus-local").default
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RedisLockingProvider = require("@medusajs/locking-redis/dist/services/redis-lock").RedisLockingProvider
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PostgresAdvisoryLockProvider = require("@medusajs/locking-postgres/dist/services/advisory-lock").PostgresAdvisoryLockProvider

const lockingWith = (provider: unknown) => ({
  defaultProviderId: "lp_default",
  providerService_: { retrieveProviderRegistration: (id: string) => (id === "lp_default" ? provider : undefined) },
})

describe("infrastructure detection", () => {
  it("recognises the local event bus by its class", () => {
    const bus = new LocalEventBusService({ logger: console }, {}, {})
    expect(eventBusKind(bus)).toBe("in-memory")
  })

  it("answers unknown rather than guessing for anything else", () => {
    expect(eventBusKind({})).toBe("unknown")
    expect(eventBusKind(undefined)).toBe("unknown")
    expect(workflowEngineKind({})).toBe("unknown")
    expect(lockingKind({})).toBe("unknown")
    expect(lockingKind(lockingWith(undefined))).toBe("unknown")
  })

  it("tells the workflow engines apart by their orchestrator's storage", () => {
    expect(
      workflowEngineKind({ workflowOrchestratorService_: { redisDistributedTransactionStorage_: {} } })
    ).toBe("redis")
    expect(
      workflowEngineKind({ workflowOrchestratorService_: { inMemoryDistributedTransactionStorage_: {} } })
    ).toBe("in-memory")
  })

  it("names the default locking provider by its static identifier", () => {
    expect(lockingKind(lockingWith(Object.create(RedisLockingProvider.prototype)))).toBe("redis")
    expect(lockingKind(lockingWith(Object.create(PostgresAdvisoryLockProvider.prototype)))).toBe("postgres")
  })
})
