import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TILL_MODULE } from "../modules/till"
import type TillModuleService from "../modules/till/service"
import { projectionLane } from "../lib/projection-lane"
import { projectSaleWorkflow } from "../workflows/till/project-sale-workflow"

const BATCH = 200

/**
 * Re-drives the projection of till sales into Medusa orders: sales older than a minute still
 * without an order (an event lost, a worker that stopped or was killed, a projection that
 * failed), through the same lane as the subscriber, leaving out those already waiting in it.
 * Each projection is idempotent, so this may still overlap with another worker's.
 *
 * It drains them batch after batch in one run: after a crash that left thousands of sales
 * without their order (crash-under-load: ~1 900 after ten kills), one batch a minute kept the
 * lane idle between runs. A sale that fails is tried once per run and left for the next.
 */
export async function redriveTillProjections(container: MedusaContainer, { batch = BATCH, olderThanMs = 60_000 } = {}) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const till = container.resolve<TillModuleService>(TILL_MODULE)
  const before = new Date(Date.now() - olderThanMs)
  const tried = new Set<string>()
  let done = 0
  for (;;) {
    // Those tried this run and still waiting come first (oldest first): ask for enough past them.
    const waiting = (await till.unprojectedSales(batch + tried.size, before)).filter((id) => !tried.has(id))
    if (!waiting.length) break
    for (const id of waiting) {
      tried.add(id)
      try {
        if (await projectionLane.run(id, () => projectSaleWorkflow(container).run({ input: { sale_id: id } }))) done++
      } catch (err) {
        logger.warn(`cashless: sale ${id} could not become an order yet: ${(err as Error).message}`)
      }
    }
  }
  if (tried.size) logger.info(`cashless: projected ${done} of ${tried.size} waiting till sale(s)`)
  return { waiting: tried.size, projected: done }
}

export default async function tillOrderProjectionJob(container: MedusaContainer) {
  await redriveTillProjections(container)
}

export const config = { name: "cashless-till-order-projection", schedule: "* * * * *" }
