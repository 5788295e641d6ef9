import { infrastructureModules } from "../infrastructure-modules"

describe("infrastructureModules", () => {
  it("adds nothing without Redis, so Medusa keeps its in-memory defaults", () => {
    expect(infrastructureModules(undefined)).toEqual([])
    expect(infrastructureModules("")).toEqual([])
  })

  it("registers the Redis event bus, workflow engine and default locking provider", () => {
    const modules = infrastructureModules("redis://cache:6379/2")
    expect(modules.map((m) => m.resolve)).toEqual([
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/locking",
    ])
    expect(modules[0].options).toEqual({ redisUrl: "redis://cache:6379/2" })
    expect(modules[1].options).toEqual({ redis: { redisUrl: "redis://cache:6379/2" } })
    expect(modules[2].options).toEqual({
      providers: [
        {
          id: "locking-redis",
          resolve: "@medusajs/medusa/locking-redis",
          is_default: true,
          options: { redisUrl: "redis://cache:6379/2" },
        },
      ],
    })
  })
})
