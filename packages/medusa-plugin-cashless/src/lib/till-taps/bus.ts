import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { TillTapBus } from "./events"
import { MemoryTapBus } from "./memory-bus"
import { RedisTapBus } from "./redis-bus"

export * from "./events"

let current: { redisUrl: string | null; bus: TillTapBus } | null = null

/**
 * The process's till tap bus: through Redis when the app has a `redisUrl` (REDIS_URL, as for
 * Medusa's own Redis modules), in this process otherwise. One per process, made on first use.
 */
export function tillTapBus(container: MedusaContainer): TillTapBus {
  const config = container.resolve<{ projectConfig?: { redisUrl?: string } }>(ContainerRegistrationKeys.CONFIG_MODULE)
  const redisUrl = config.projectConfig?.redisUrl || null
  if (current && current.redisUrl === redisUrl) return current.bus
  const previous = current
  let logged = false
  const logger = container.resolve<{ warn: (m: string) => void }>(ContainerRegistrationKeys.LOGGER)
  const bus = redisUrl
    ? new RedisTapBus(redisUrl, (err) => {
        // ioredis reconnects by itself; say it once, not on every retry.
        if (!logged) logger.warn(`cashless till taps: Redis error (${err.message}); retrying`)
        logged = true
      })
    : new MemoryTapBus()
  current = { redisUrl, bus }
  void previous?.bus.close()
  return bus
}
