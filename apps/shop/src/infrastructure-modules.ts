/**
 * Self-hosted Medusa keeps the in-memory event bus, workflow engine and locking even
 * when `redisUrl` is set; a festival runs several processes, so they must share Redis.
 */
export function infrastructureModules(redisUrl: string | undefined) {
  if (!redisUrl) return []
  return [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: { redisUrl },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: { redis: { redisUrl } },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            id: "locking-redis",
            resolve: "@medusajs/medusa/locking-redis",
            is_default: true,
            options: { redisUrl },
          },
        ],
      },
    },
  ]
}
